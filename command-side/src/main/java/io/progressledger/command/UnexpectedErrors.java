package io.progressledger.command;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.UUID;

/**
 * What no handler expected (the admin API reading a row it cannot parse, a database error...): the caller gets 500
 * problem+json with an incident id and nothing else; the log gets the same id, the route and the exception's types,
 * never their messages, which quote row values (personal data among them) — Tomcat would have logged the whole
 * exception. Spring MVC's own exceptions keep their precise answers ({@link ResponseEntityExceptionHandler}).
 */
@RestControllerAdvice
public class UnexpectedErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request,
                                             HttpServletResponse response) {
        String incident = UUID.randomUUID().toString();
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
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
