package io.progressledger.command.erasure;

import io.progressledger.command.Problems;
import io.progressledger.command.delivery.AdminRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    /** The reason for an erasure, as the requester states it (kept in the audit trail: no personal data in it). */
    public record ErasureRequest(String reason) {
    }

    @PostMapping("/api/admin/learners/{institutionId}/{userId}/erase")
    public LearnerErasure.Erasure erase(@PathVariable long institutionId, @PathVariable long userId,
                                        @RequestBody(required = false) ErasureRequest request,
                                        HttpServletRequest http) {
        String reason = request == null || request.reason() == null ? null : request.reason().strip();
        if (reason != null && reason.length() > MAX_REASON) {
            String message = "at most " + MAX_REASON + " characters";
            throw Problems.refusal(Problems.problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter",
                    "reason: " + message, List.of(Map.of("pointer", "/reason", "message", message))));
        }
        return erasure.erase(institutionId, userId, AdminRequests.actor(http), reason);
    }
}
