package io.progressledger.query.trail;

import io.progressledger.query.api.BadRequest;

import java.time.Instant;

/**
 * Filters of a completion list; null means any. {@code from} is inclusive and {@code to} exclusive, on
 * {@code finishedAt}.
 */
public record CompletionFilter(Long institutionId, Long trailId, Instant from, Instant to) {

    public CompletionFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequest("to", "must be after from");
        }
    }
}
