package io.progressledger.query.stream;

import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.TrailCompleted;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One change of learners' progress, as the live stream sends it: the data of one SSE event, whose name is its
 * {@code type}. It carries ids and progress facts only, no personal data. {@code position} is the event stream's
 * position once this change is in (also the SSE event id): passing it as {@code ?minPosition=} to a view's endpoint
 * reads that view with the change applied. It is the change's own global position, except for a change committed
 * late, whose position is that of the newest event already seen. The API document describes it as part of
 * {@link StreamEvent}.
 */
public sealed interface ProgressChange {

    /** The event's type, also the SSE event's name. */
    String type();

    /** The stream position once this change is in; the SSE event's id. */
    long position();

    default String talentId() {
        return null;
    }

    default String programId() {
        return null;
    }

    default Long institutionId() {
        return null;
    }

    default Long userId() {
        return null;
    }

    default Long trailId() {
        return null;
    }

    /** A talent unlocked a block (Phoenix). */
    @Schema(name = "TalentBlockUnlockedChange")
    record BlockUnlocked(@Schema(allowableValues = TYPE) String type, long position, String talentId,
                         String talentBlockId, String programId, String talentPhaseId, int order,
                         @Schema(allowableValues = {"LOCKED", "NOT_STARTED", "IN_PROGRESS", "FINISHED"}) String status,
                         Instant at) implements ProgressChange {

        static final String TYPE = "TalentBlockUnlocked";
    }

    /** A block a talent had unlocked changed status (Phoenix). */
    @Schema(name = "TalentBlockStatusChangedChange")
    record BlockStatusChanged(@Schema(allowableValues = TYPE) String type, long position, String talentId,
                              String talentBlockId, String programId, String talentPhaseId, int order,
                              @Schema(allowableValues = {"LOCKED", "NOT_STARTED", "IN_PROGRESS", "FINISHED"})
                              String previousStatus,
                              @Schema(allowableValues = {"LOCKED", "NOT_STARTED", "IN_PROGRESS", "FINISHED"})
                              String status,
                              Instant at) implements ProgressChange {

        static final String TYPE = "TalentBlockStatusChanged";
    }

    /** A learner completed a trail (Toolzz), for the {@code completionNumber}-th time. */
    @Schema(name = "TrailCompletedChange")
    record Completed(@Schema(allowableValues = TYPE) String type, long position, Long institutionId,
                           Long userId, Long trailId, int completionNumber, Instant at) implements ProgressChange {

        static final String TYPE = "TrailCompleted";
    }

    static ProgressChange of(TalentBlockUnlocked e, long position) {
        return new BlockUnlocked(BlockUnlocked.TYPE, position, e.talentId(), e.talentBlockId(), e.programId(),
                e.talentPhaseId(), e.order(), e.status().name(), e.unlockedAt());
    }

    static ProgressChange of(TalentBlockStatusChanged e, long position) {
        return new BlockStatusChanged(BlockStatusChanged.TYPE, position, e.talentId(), e.talentBlockId(),
                e.programId(), e.talentPhaseId(), e.order(), e.previousStatus().name(), e.status().name(),
                e.statusUpdatedAt());
    }

    static ProgressChange of(TrailCompleted e, long position) {
        return new Completed(Completed.TYPE, position, e.institutionId(), e.userId(), e.trailId(),
                e.completionNumber(), e.finishedAt());
    }
}
