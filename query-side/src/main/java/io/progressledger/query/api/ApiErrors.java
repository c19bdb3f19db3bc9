package io.progressledger.query.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every error of the query API as RFC 9457 problem+json, with the offending parameter named. Ahead of Spring's own
 * problem handler, which would answer the same errors without naming the parameter.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors {

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(), List.of());
    }

    @ExceptionHandler(Unavailable.class)
    ProblemDetail unavailable(Unavailable e) {
        return problem(HttpStatus.NOT_IMPLEMENTED, "unavailable", "Not available in this deployment", e.getMessage(),
                List.of());
    }

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.parameter() + ": " + e.getMessage(),
                List.of(Map.of("parameter", e.parameter(), "message", e.getMessage())));
    }

    @ExceptionHandler(ViewsBehind.class)
    ProblemDetail viewsBehind(ViewsBehind e) {
        ProblemDetail problem = problem(HttpStatus.GATEWAY_TIMEOUT, "views-behind", "Views not caught up yet",
                e.getMessage(), List.of());
        problem.setProperty("minPosition", e.wanted());
        problem.setProperty("processedPosition", e.reached());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        String message = "'" + e.getValue() + "' is not a valid " + expected;
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getName() + ": " + message,
                List.of(Map.of("parameter", e.getName(), "message", message)));
    }

    static ProblemDetail problem(HttpStatus status, String slug, String title, String detail,
                                 List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return problem;
    }
}
