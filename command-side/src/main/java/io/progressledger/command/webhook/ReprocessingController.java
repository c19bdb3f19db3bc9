package io.progressledger.command.webhook;

import io.progressledger.command.delivery.AdminRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/deliveries/{id}/retry} (admin token): re-processes a logged delivery, see {@link Reprocessing}. */
@RestController
public class ReprocessingController {

    private final Reprocessing reprocessing;

    public ReprocessingController(Reprocessing reprocessing) {
        this.reprocessing = reprocessing;
    }

    /** Answers with the new delivery's id and how it was answered. */
    @PostMapping("/api/deliveries/{id}/retry")
    public Map<String, Object> retry(@PathVariable String id, HttpServletRequest request) {
        String requestedBy = AdminRequests.actor(request);
        try {
            Reprocessing.Retried retried = reprocessing.retry(id, requestedBy);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("deliveryId", retried.deliveryId());
            result.put("retryOf", id);
            result.put("requestedBy", requestedBy);
            result.put("statusCode", retried.answer().status());
            result.put("reply", retried.answer().body());
            return result;
        } catch (Reprocessing.RetryRefused refused) {
            throw AdminRequests.problem(refused.status(),
                    refused.status() == HttpStatus.NOT_FOUND ? "not-found" : "not-retryable", refused.getMessage());
        }
    }
}
