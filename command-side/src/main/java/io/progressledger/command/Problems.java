package io.progressledger.command;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The one factory of the command side's error answers, RFC 9457 problem+json: a type {@code /problems/<slug>}, a
 * title, the status, a detail, and {@code errors}, each thing at fault (a body field by JSON Pointer, or a query
 * parameter by name). Webhook answers add the delivery they refused ({@code deliveryId}, {@code instance}).
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail,
                                        List<?> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(title);
        problem.setProperty("errors", List.copyOf(errors));
        return problem;
    }

    /** A query parameter or body field the caller got wrong: 400 {@code /problems/bad-parameter}, naming it. */
    public static ProblemDetail badParameter(String parameter, String message) {
        return problem(HttpStatusCode.valueOf(400), "bad-parameter", "Bad parameter", parameter + ": " + message,
                List.of(Map.of("parameter", parameter, "message", message)));
    }

    /**
     * A request not received whole within its deadline (a client sending slowly, or not at all): 408
     * {@code /problems/request-timeout}; its connection is closed.
     */
    public static ProblemDetail requestTimeout(String detail) {
        return problem(HttpStatusCode.valueOf(408), "request-timeout", "Request not received in time", detail,
                List.of());
    }

    /** The problem's members as they go on the wire, for answers written outside Spring MVC. */
    public static Map<String, Object> fields(ProblemDetail problem) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("type", String.valueOf(problem.getType()));
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            fields.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        return fields;
    }

    /** The problem as an exception a handler throws; Spring MVC answers it as problem+json. */
    public static ErrorResponseException refusal(ProblemDetail problem) {
        return new ErrorResponseException(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
    }
}
