package io.progressledger.query.stream;

import java.util.Objects;

/** Which changes a live-stream client wants; every field set must match, none set means everything. */
record StreamFilter(String talentId, String programId, Long institutionId, Long userId, Long trailId) {

    boolean matches(ProgressChange change) {
        return matches(talentId, change.talentId()) && matches(programId, change.programId())
                && matches(institutionId, change.institutionId()) && matches(userId, change.userId())
                && matches(trailId, change.trailId());
    }

    private static boolean matches(Object wanted, Object actual) {
        return wanted == null || Objects.equals(wanted, actual);
    }
}
