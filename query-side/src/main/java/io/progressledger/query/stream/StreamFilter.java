package io.progressledger.query.stream;

import io.progressledger.query.api.ReadScope;
import java.util.Objects;

/** Which changes a live-stream client wants; every field set must match, none set means everything. */
record StreamFilter(String talentId, String programId, Long institutionId, Long userId, Long trailId,
                    ReadScope scope) {

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
