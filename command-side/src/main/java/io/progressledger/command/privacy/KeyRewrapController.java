package io.progressledger.command.privacy;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/personal-data/rewrap} (admin token): rewraps every learner key with the current
 * key-encryption key, after a rotation (or to wrap keys stored before wrapping existed). Answers what it did:
 * {@code {"currentKek", "rewrapped", "failed", "remaining"}}; {@code failed} counts keys whose KEK is no longer
 * configured.
 */
@RestController
public class KeyRewrapController {

    private final PersonalDataKeys keys;

    public KeyRewrapController(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/api/admin/personal-data/rewrap")
    public PersonalDataKeys.Rewrap rewrap() {
        return keys.rewrap();
    }
}
