package io.progressledger.query.trail;

import java.util.Set;

import io.progressledger.query.api.BadRequest;

import java.time.Instant;

/**
 * Filters of a completion list; null means any. {@code from} is inclusive and {@code to} exclusive, on
 * {@code finishedAt}.
 */
public record CompletionFilter(Long institutionId, Long trailId, Instant from, Instant to, Set<Long> institutions) {

    public CompletionFilter(Long institutionId, Long trailId, Instant from, Instant to) {
        this(institutionId, trailId, from, to, null);
    }

    /** Only these institutions' completions (a scoped token's), besides the other filters; null means any. */
    public CompletionFilter within(Set<Long> visible) {
        return new CompletionFilter(institutionId, trailId, from, to, visible);
    }

    public CompletionFilter {
        institutions = institutions == null ? null : Set.copyOf(institutions);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequest("to", "must be after from");
        }
    }
}
