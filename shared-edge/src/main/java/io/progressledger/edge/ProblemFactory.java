package io.progressledger.edge;

import org.springframework.http.HttpStatus;

/**
 * An application's one problem+json factory, as the shared edge sees it: the body of an answer of type
 * {@code /problems/<slug>} with no errors listed. Each side passes its own, so every answer keeps its side's one shape.
 */
@FunctionalInterface
public interface ProblemFactory {

    /** The problem+json body (serialised with the application's JSON mapper). */
    Object problem(HttpStatus status, String slug, String title, String detail);
}
