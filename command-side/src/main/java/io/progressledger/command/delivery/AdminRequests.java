package io.progressledger.command.delivery;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** What every admin endpoint of the command side shares: who asks, and how a refusal is answered. */
public final class AdminRequests {

    private AdminRequests() {
    }

    /** Who asks: the admin token, and the person named by the optional {@code X-Actor} header. */
    public static String actor(HttpServletRequest request) {
        String actor = request.getHeader("X-Actor");
        return "admin" + (actor == null || actor.isBlank() ? "" : " (" + actor.strip() + ")");
    }

    /** A problem+json answer of type {@code /problems/<slug>}. */
    public static ErrorResponseException problem(HttpStatus status, String slug, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("/problems/" + slug));
        body.setProperty("errors", List.of());
        return new ErrorResponseException(status, body, null);
    }

    /** A 400 naming the query parameter at fault. */
    public static ErrorResponseException badRequest(String parameter, String message) {
        ErrorResponseException error = problem(HttpStatus.BAD_REQUEST, "bad-parameter", parameter + ": " + message);
        error.getBody().setProperty("errors", List.of(Map.of("parameter", parameter, "message", message)));
        return error;
    }
}
