package io.progressledger.query.stream;

import io.progressledger.query.api.ReadScope;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which changes a live-stream client sees: those its credential's scope covers and that match every filter it set
 * (none set means everything in scope). A subscriber holds it as its predicate.
 */
record StreamFilter(String talentId, String programId, Long institutionId, Long userId, Long trailId,
                    ReadScope scope) implements Predicate<ProgressChange> {

    @Override
    public boolean test(ProgressChange change) {
        return matches(change);
    }

    boolean matches(ProgressChange change) {
        return inScope(change) && matches(talentId, change.talentId()) && matches(programId, change.programId())
                && matches(institutionId, change.institutionId()) && matches(userId, change.userId())
                && matches(trailId, change.trailId());
    }

    /** A scoped token's stream carries its institutions' completions and its programs' blocks, nothing else. */
    private boolean inScope(ProgressChange change) {
        return scope.all() || (change.institutionId() != null ? scope.institution(change.institutionId())
                : scope.program(change.programId()));
    }

    private static boolean matches(Object wanted, Object actual) {
        return wanted == null || Objects.equals(wanted, actual);
    }
}
