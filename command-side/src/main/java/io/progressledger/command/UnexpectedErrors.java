package io.progressledger.command;

import io.progressledger.edge.ClientAborts;
import io.progressledger.edge.RequestDeadline;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.UUID;

/**
 * What no handler expected (the admin API reading a row it cannot parse, a database error...): the caller gets 500
 * problem+json with an incident id and nothing else; the log gets the same id, the route and the exception's types,
 * never their messages, which quote row values (personal data among them) — Tomcat would have logged the whole
 * exception. Spring MVC's own refusals (a wrong method, a parameter of the wrong type, an unreadable body) keep their
 * status and take the one problem shape ({@code /problems/<slug>}, {@code errors}), a parameter's value never echoed.
 * A client that hung up mid-request is no incident ({@link ClientAborts}): counted, logged quietly, not answered.
 */
@RestControllerAdvice
public class UnexpectedErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    private final java.time.Duration deadline;
    private final ClientAborts clientAborts;

    public UnexpectedErrors(RequestDeadlineProperties deadline, ClientAborts clientAborts) {
        this.deadline = deadline.bodyReadDeadline();
        this.clientAborts = clientAborts;
    }

    /** A parameter Spring could not convert: named, with the form it takes; its value is not echoed. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String parameter = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "of another form"
                : Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a whole number in range"
                : java.time.temporal.Temporal.class.isAssignableFrom(type) ? "an ISO-8601 instant (2024-01-31T12:00:00Z)"
                : "of another form";
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.badParameter(parameter, "must be " + expected));
    }

    /**
     * A body not received within the request's deadline: 408, as on every route ({@link RequestDeadline} closes the
     * connection); any other unreadable body keeps Spring's answer.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestDeadline.exceeded(e)) {
            return requestTimeout();
        }
        if (clientAborted(e, request)) {
            return null;
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    /** An asynchronous answer whose client is gone: Spring says nothing of it; it is counted as a client abort. */
    @Override
    protected ResponseEntity<Object> handleAsyncRequestNotUsableException(AsyncRequestNotUsableException e,
                                                                          WebRequest request) {
        clientAborted(e, request);
        return null;
    }

    private boolean clientAborted(Exception e, WebRequest request) {
        return clientAborts.handled(e, request);
    }

    private ResponseEntity<Object> requestTimeout() {
        return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.requestTimeout(RequestDeadline.detail(deadline)));
    }

    /** Spring MVC's other refusals, in the one problem shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(java.net.URI.create("/problems/" + slug(status)));
            if (problem.getProperties() == null || !problem.getProperties().containsKey("errors")) {
                problem.setProperty("errors", List.of());
            }
        }
        return answer;
    }

    private static String slug(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status.value();
        };
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception failure, HttpServletRequest request, HttpServletResponse response) {
        if (RequestDeadline.exceeded(failure)) {
            return requestTimeout();
        }
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (clientAborts.handled(failure, request.getMethod(), route, response)) {
            return null; // nobody left to answer
        }
        String incident = UUID.randomUUID().toString();
        log.error("incident {}: {} {} failed: {}", incident, request.getMethod(), route == null ? "(no route)" : route,
                ExceptionTypes.chain(failure));
        if (response.isCommitted()) {
            return null; // an answer already under way: nothing more can be said to this client
        }
        ProblemDetail problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request failed on our side (incident " + incident + "); retry later", List.of());
        problem.setProperty("incident", incident);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
