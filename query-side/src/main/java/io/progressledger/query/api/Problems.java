package io.progressledger.query.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

/**
 * The one factory of the query API's error answers: every problem+json the query side sends is made here, from the
 * exception handlers of {@link ApiErrors}, so that each has the same shape ({@link Problem}) and content type.
 */
public final class Problems {

    private Problems() {
    }

    /** A problem of kind {@code /problems/<slug>}. */
    public static Problem problem(HttpStatusCode status, String slug, String title, String detail,
                                  List<Problem.ProblemError> errors) {
        return new Problem("/problems/" + slug, title, status.value(), detail, errors, null, null);
    }

    /** A problem about one parameter (query, path or header): {@code /problems/bad-parameter} unless said. */
    public static Problem badParameter(String parameter, String message) {
        return problem(HttpStatusCode.valueOf(400), "bad-parameter", "Bad parameter", parameter + ": " + message,
                List.of(new Problem.ProblemError(parameter, message)));
    }

    /** The answer carrying {@code problem}, as {@code application/problem+json}, with {@code headers} added. */
    public static ResponseEntity<Problem> answer(Problem problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.status()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    public static ResponseEntity<Problem> answer(Problem problem) {
        return answer(problem, HttpHeaders.EMPTY);
    }
}
