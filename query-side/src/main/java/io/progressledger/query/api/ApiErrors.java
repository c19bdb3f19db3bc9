package io.progressledger.query.api;

import io.progressledger.edge.ClientAborts;
import io.progressledger.edge.RequestDeadline;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.Locale;

/**
 * Every error of the query API as a {@link Problem} ({@code application/problem+json}), the parameter at fault named
 * in {@code errors}: the API's own exceptions, Spring MVC's (bad types, bounds, unknown routes, wrong methods), and
 * anything unexpected (500, logged without its message, which may quote data). Ahead of Spring Boot's own handler.
 * A client that hung up mid-request is no incident ({@link ClientAborts}): counted, logged quietly, not answered. A
 * body not received within the request's deadline is answered 408 ({@link RequestDeadline} closes the connection).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final ClientAborts clientAborts;
    private final RequestDeadline deadline;

    public ApiErrors(ClientAborts clientAborts, RequestDeadline deadline) {
        this.clientAborts = clientAborts;
        this.deadline = deadline;
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<Problem> badRequest(BadRequest e) {
        return Problems.answer(Problems.badParameter(e.parameter(), e.getMessage()));
    }

    @ExceptionHandler(Unauthenticated.class)
    ResponseEntity<Problem> unauthenticated(Unauthenticated e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return Problems.answer(Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication failed",
                e.getMessage(), List.of()), headers);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Problem> notFound(NotFound e) {
        return Problems.answer(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(),
                List.of()));
    }

    @ExceptionHandler(OutOfScope.class)
    ResponseEntity<Problem> outOfScope(OutOfScope e) {
        return Problems.answer(Problems.problem(HttpStatus.FORBIDDEN, "out-of-scope", "Outside the token's scope",
                e.getMessage(), List.of()));
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Problem> conflict(Conflict e) {
        return Problems.answer(Problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(),
                List.of()));
    }

    @ExceptionHandler(Unavailable.class)
    ResponseEntity<Problem> unavailable(Unavailable e) {
        return Problems.answer(Problems.problem(HttpStatus.NOT_IMPLEMENTED, "unavailable",
                "Not available in this deployment", e.getMessage(), List.of()));
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<Problem> tooManyRequests(TooManyRequests e) {
        return Problems.answer(Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Too many requests", e.getMessage(), List.of()), retryAfter(e.retryAfter()));
    }

    @ExceptionHandler(Overloaded.class)
    ResponseEntity<Problem> overloaded(Overloaded e) {
        return Problems.answer(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Overloaded",
                e.getMessage(), List.of()), retryAfter(e.retryAfter()));
    }

    private static HttpHeaders retryAfter(java.time.Duration after) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, after.toSeconds())));
        return headers;
    }

    @ExceptionHandler(ViewsBehind.class)
    ResponseEntity<Problem> viewsBehind(ViewsBehind e) {
        Problem problem = Problems.problem(HttpStatus.GATEWAY_TIMEOUT, "views-behind", "Views not caught up yet",
                e.getMessage(), List.of());
        return Problems.answer(new Problem(problem.type(), problem.title(), problem.status(), problem.detail(),
                problem.errors(), e.wanted(), e.reached()));
    }

    /**
     * Our fault: the caller learns nothing but that and an incident id; the log gets the same id and the exception's
     * types, not its message (messages quote row values).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (RequestDeadline.exceeded(e)) {
            return requestTimeout();
        }
        if (clientAborts.handled(e, request.getMethod(),
                request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE), response)) {
            return null; // nobody left to answer
        }
        List<String> causes = new ArrayList<>();
        for (Throwable cause = e; cause != null && causes.size() < 10; cause = cause.getCause()) {
            causes.add(cause.getClass().getName());
        }
        String incident = UUID.randomUUID().toString();
        log.error("incident {}: query API failed: {}", incident, String.join(" <- ", causes));
        if (response.isCommitted()) {
            return null; // a stream already under way: nothing more can be said to this client
        }
        return Problems.answer(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request failed on our side (incident " + incident + "); retry later", List.of()));
    }

    /**
     * A body not received within the request's deadline: 408, as on every route; one its client stopped sending (it
     * hung up): a client abort, not a 400 written to nobody.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestDeadline.exceeded(e)) {
            return wrap(requestTimeout().getBody(), headers);
        }
        if (clientAborted(e, request)) {
            return null;
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    /** The one 408 answer, as the valve gives it when no handler did. */
    private ResponseEntity<Problem> requestTimeout() {
        return Problems.answer((Problem) deadline.problem());
    }

    /** An asynchronous answer (a stream, an export) whose client is gone: counted as a client abort. */
    @Override
    protected ResponseEntity<Object> handleAsyncRequestNotUsableException(AsyncRequestNotUsableException e,
                                                                          WebRequest request) {
        clientAborted(e, request);
        return null;
    }

    private boolean clientAborted(Exception e, WebRequest request) {
        return clientAborts.handled(e, request);
    }

    /** A parameter Spring could not convert: named, with the form it must take (its value is not echoed). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String parameter = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        return wrap(Problems.badParameter(parameter, "must be " + expected(e.getRequiredType())), headers);
    }

    /** Bounds declared on a parameter ({@code @Min}, {@code @Max}): each parameter and constraint broken. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problem.ProblemError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new Problem.ProblemError(parameter, error.getDefaultMessage()));
            }
        });
        String detail = String.join("; ", errors.stream().map(error -> error.parameter() + ": " + error.message())
                .toList());
        return wrap(Problems.problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", detail, errors),
                headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return wrap(Problems.badParameter(e.getParameterName(), "is required"), headers);
    }

    /**
     * Every other exception Spring MVC answers itself (405, 406, 415, an unknown route...) keeps its status and
     * headers and becomes a {@link Problem} like the others.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String title = status == null ? "Error" : status.getReasonPhrase();
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null ? problem.getDetail()
                : title;
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return wrap(Problems.problem(statusCode, slug, title, detail, List.of()), headers);
    }

    private static ResponseEntity<Object> wrap(Problem problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.status()).headers(Problems.answer(problem, headers).getHeaders())
                .body(problem);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2024-01-31T23:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date yyyy-MM-dd";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }
}
