package io.progressledger.query.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.TrailCompleted;

import java.time.Instant;

/**
 * One change of learners' progress, as the live stream sends it. It carries ids and progress facts only, no personal
 * data. {@code position} is the event stream's position once this change is in (also the SSE event id): passing it
 * as {@code ?minPosition=} to a view's endpoint reads that view with the change applied. It is the change's own
 * global position, except for a change committed late, whose position is that of the newest event already seen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressChange(
        String type,
        long position,
        String talentId,
        String talentBlockId,
        String programId,
        String talentPhaseId,
        Integer order,
        String previousStatus,
        String status,
        Long institutionId,
        Long userId,
        Long trailId,
        Integer completionNumber,
        Instant at) {

    static ProgressChange of(TalentBlockUnlocked e, long position) {
        return new ProgressChange("TalentBlockUnlocked", position, e.talentId(), e.talentBlockId(), e.programId(),
                e.talentPhaseId(), e.order(), null, e.status().name(), null, null, null, null, e.unlockedAt());
    }

    static ProgressChange of(TalentBlockStatusChanged e, long position) {
        return new ProgressChange("TalentBlockStatusChanged", position, e.talentId(), e.talentBlockId(),
                e.programId(), e.talentPhaseId(), e.order(), e.previousStatus().name(), e.status().name(), null,
                null, null, null, e.statusUpdatedAt());
    }

    static ProgressChange of(TrailCompleted e, long position) {
        return new ProgressChange("TrailCompleted", position, null, null, null, null, null, null, null,
                e.institutionId(), e.userId(), e.trailId(), e.completionNumber(), e.finishedAt());
    }
}
