package io.progressledger.bench.load;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

/**
 * What the command side answered to a delivery, reduced to what the accounting needs.
 *
 * @param httpStatus  0 when no answer came (connection failure, timeout)
 * @param status      the body's {@code status} for a 200 ({@code accepted}, {@code duplicate}), else null
 * @param events      how many events the answer names
 * @param deliveryId  the delivery log's id of the call, when the answer names it
 */
public record Answer(int httpStatus, String status, int events, String eventType, String aggregateId,
                     long sequenceNumber, long globalPosition, String deliveryId, String error) {

    public static Answer of(HttpResponse<String> response, Throwable failure, JsonMapper json) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            return new Answer(0, null, 0, null, null, -1, -1, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        int code = response.statusCode();
        if (code != 200) {
            return new Answer(code, null, 0, null, null, -1, -1, null, code >= 500 ? abbreviate(response.body()) : null);
        }
        try {
            JsonNode body = json.readTree(response.body());
            JsonNode events = body.path("events");
            JsonNode first = events.path(0);
            return new Answer(code, body.path("status").asString(null), events.size(),
                    first.path("type").asString(null), first.path("aggregateId").asString(null),
                    first.path("sequenceNumber").asLong(-1), first.path("globalPosition").asLong(-1),
                    body.path("deliveryId").asString(null), null);
        } catch (RuntimeException e) {
            return new Answer(code, null, 0, null, null, -1, -1, null, "unreadable answer: " + abbreviate(response.body()));
        }
    }

    public boolean accepted() {
        return httpStatus == 200 && "accepted".equals(status);
    }

    public boolean duplicate() {
        return httpStatus == 200 && "duplicate".equals(status);
    }

    /** What the answer was, for counts and reports: its status for a 200, else the HTTP code, or "no answer". */
    public String label() {
        if (httpStatus == 200 && status != null) {
            return status;
        }
        return httpStatus == 0 ? "no answer" : "HTTP " + httpStatus;
    }

    public boolean rejected() {
        return httpStatus >= 400 && httpStatus < 500;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
