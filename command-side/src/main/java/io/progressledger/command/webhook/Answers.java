package io.progressledger.command.webhook;

import io.progressledger.command.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place webhook answers are written: a {@link WebhookReply} for a success, a problem+json (RFC 9457) naming
 * the delivery for everything else. Answers never hold internals or a value of the body.
 */
final class Answers {

    private final Duration retryAfter;

    Answers(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    Answer of(String deliveryId, Verdict verdict) {
        HttpHeaders headers = new HttpHeaders();
        if (verdict instanceof Verdict.Settled settled) {
            return new Answer(200, new WebhookReply(settled.outcome().wireName(), deliveryId, settled.events(),
                    settled.duplicateOf(), settled.explanation()), headers);
        }
        if (verdict instanceof Verdict.Ignored ignored) {
            return new Answer(ignored.status(), new WebhookReply(ignored.outcome().wireName(), deliveryId, List.of(),
                    null, ignored.explanation()), headers);
        }
        if (verdict instanceof Verdict.Refused refused && refused.problem() == WebhookProblem.UNAUTHENTICATED) {
            headers.add(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (verdict instanceof Verdict.Shed shed) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(shed.retryAfterSeconds()));
        }
        if (verdict instanceof Verdict.Failed failed && failed.storeUnavailable()) {
            // The delivery log lives in the same database: waiting for it again would only delay the answer.
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        }
        return new Answer(verdict.status(), problemOf(deliveryId, verdict), headers);
    }

    /** The problem+json of a refused or failed call; null for a success. */
    static ProblemDetail problemOf(String deliveryId, Verdict verdict) {
        if (verdict instanceof Verdict.Refused refused) {
            return problem(deliveryId, refused.problem(), refused.detail(), refused.errors());
        }
        if (verdict instanceof Verdict.Shed shed) {
            return problem(deliveryId, shed.problem(), shed.detail(), List.of());
        }
        if (verdict instanceof Verdict.Failed failed) {
            return failed.storeUnavailable()
                    ? problem(deliveryId, WebhookProblem.STORE_UNAVAILABLE,
                    "the event store cannot be reached; nothing was recorded, retry later", List.of())
                    : problem(deliveryId, WebhookProblem.INTERNAL,
                    "the delivery could not be processed; nothing was recorded", List.of());
        }
        return null;
    }

    static ProblemDetail problem(String deliveryId, WebhookProblem kind, String detail, List<FieldError> errors) {
        ProblemDetail problem = Problems.problem(kind.status(), kind.slug(), kind.title(), detail, errors);
        problem.setInstance(URI.create("/api/deliveries/" + deliveryId));
        problem.setProperty("deliveryId", deliveryId);
        return problem;
    }

    /** The problem as the delivery log keeps it. */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", String.valueOf(problem.getType()));
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }
}
