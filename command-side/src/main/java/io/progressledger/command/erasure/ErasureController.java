package io.progressledger.command.erasure;

import io.progressledger.command.Problems;
import io.progressledger.command.delivery.AdminRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/admin/learners/{institutionId}/{userId}/erase} (admin token): a learner's right to erasure.
 * Optional body {@code {"reason": "..."}}; who asked is the admin credential and {@code X-Actor}.
 */
@RestController
public class ErasureController {

    private static final int MAX_REASON = 500;

    private final LearnerErasure erasure;

    public ErasureController(LearnerErasure erasure) {
        this.erasure = erasure;
    }

    /**
     * Erases a learner. Ids are Toolzz's (whole numbers, not negative: no learner has another, and erasing one would
     * record an erasure of nobody); the body, when present, is a JSON object whose {@code reason} is a string of at
     * most 500 characters without control characters (it is kept in the audit trail: no personal data in it).
     */
    @PostMapping("/api/admin/learners/{institutionId}/{userId}/erase")
    public LearnerErasure.Erasure erase(@PathVariable long institutionId, @PathVariable long userId,
                                        @RequestBody(required = false) JsonNode body,
                                        HttpServletRequest http) {
        if (institutionId < 0) {
            throw Problems.refusal(Problems.badParameter("institutionId", "must not be negative"));
        }
        if (userId < 0) {
            throw Problems.refusal(Problems.badParameter("userId", "must not be negative"));
        }
        return erasure.erase(institutionId, userId, AdminRequests.actor(http), reason(body));
    }

    private static String reason(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (!body.isObject()) {
            throw refused("", "the body must be a JSON object, such as {\"reason\": \"...\"}");
        }
        JsonNode value = body.path("reason");
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw refused("/reason", "must be a string");
        }
        String reason = value.asString().strip();
        if (reason.length() > MAX_REASON) {
            throw refused("/reason", "at most " + MAX_REASON + " characters");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw refused("/reason", "must not hold control characters");
        }
        return reason;
    }

    private static RuntimeException refused(String pointer, String message) {
        return Problems.refusal(Problems.problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter",
                (pointer.isEmpty() ? "body" : pointer.substring(1)) + ": " + message,
                List.of(Map.of("pointer", pointer, "message", message))));
    }
}
