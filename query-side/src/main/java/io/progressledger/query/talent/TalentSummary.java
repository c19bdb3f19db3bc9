package io.progressledger.query.talent;

import io.progressledger.events.talent.BlockStatus;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;

/**
 * A talent at a glance.
 *
 * @param statusCounts   how many of its blocks are in each status (every status listed, zeros included)
 * @param lastActivityAt the latest unlock or status change
 */
public record TalentSummary(String talentId, String userId, int blocks, Map<String, Integer> statusCounts,
                            List<String> programIds, Instant firstUnlockedAt, Instant lastActivityAt) {

    /** The summary of a talent's blocks; the live view and point-in-time reads both derive it here. */
    public static TalentSummary of(String talentId, List<TalentBlock> blocks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Arrays.stream(BlockStatus.values()).forEach(status -> counts.put(status.name(), 0));
        TreeSet<String> programs = new TreeSet<>();
        Instant first = null;
        Instant last = null;
        String user = null;
        for (TalentBlock block : blocks) {
            user = block.userId();
            counts.merge(block.status(), 1, Integer::sum);
            programs.add(block.programId());
            first = first == null || block.unlockedAt().isBefore(first) ? block.unlockedAt() : first;
            Instant activity = block.statusUpdatedAt().isAfter(block.unlockedAt()) ? block.statusUpdatedAt()
                    : block.unlockedAt();
            last = last == null || activity.isAfter(last) ? activity : last;
        }
        return new TalentSummary(talentId, user, blocks.size(), counts, List.copyOf(programs), first, last);
    }
}
