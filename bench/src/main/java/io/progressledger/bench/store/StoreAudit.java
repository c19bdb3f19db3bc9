package io.progressledger.bench.store;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One pass over every stored event, reading the facts as an auditor would, to know what each view must show: the
 * expected counts come from the store itself, not from what the driver thinks it sent. It also finds the same fact
 * stored twice (the same block unlocked twice, the same status change twice, the same completion twice), which no
 * unique constraint of the table would catch.
 */
public final class StoreAudit {

    private StoreAudit() {
    }

    /** What the store holds, as the views must show it. */
    public record Facts(long events, long maxGlobalIndex, Map<String, Long> byType, BitSet positions,
                        long duplicateFacts, long duplicateEventIdentifiers,
                        Map<String, Long> unlockedByProgram, Map<String, Map<String, Long>> blockStatusByProgram,
                        Map<Long, Long> completionsByTrail, Map<Long, Long> completionsByCourse,
                        Map<LocalDate, Long> unlocksByDay, Map<LocalDate, Long> completionsByDay) {
    }

    public static Facts scan(EventStore store, JsonMapper json, AtomicLong progress) {
        long events = 0;
        long maxIndex = 0;
        Map<String, Long> byType = new TreeMap<>();
        BitSet positions = new BitSet();
        long[] factHashes = new long[1 << 16];
        long[] idHashes = new long[1 << 16];
        Map<String, String[]> blocks = new HashMap<>(); // talentBlockId -> {programId, status}
        Map<Long, Long> byTrail = new TreeMap<>();
        Map<Long, Long> byCourse = new TreeMap<>();
        Map<LocalDate, Long> unlocksByDay = new TreeMap<>();
        Map<LocalDate, Long> completionsByDay = new TreeMap<>();
        try (Connection connection = store.database().connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1_000);
                try (ResultSet rows = statement.executeQuery("SELECT globalIndex, eventIdentifier, payloadType, payload "
                        + "FROM DomainEventEntry ORDER BY globalIndex")) {
                    while (rows.next()) {
                        long index = rows.getLong(1);
                        String type = rows.getString(3);
                        JsonNode payload = json.readTree(rows.getBytes(4));
                        if (events == factHashes.length) {
                            factHashes = Arrays.copyOf(factHashes, factHashes.length * 2);
                            idHashes = Arrays.copyOf(idHashes, idHashes.length * 2);
                        }
                        idHashes[(int) events] = hash(rows.getString(2));
                        factHashes[(int) events] = hash(factKey(type, payload));
                        events++;
                        maxIndex = Math.max(maxIndex, index);
                        positions.set(Math.toIntExact(index));
                        byType.merge(type, 1L, Long::sum);
                        apply(type, payload, blocks, byTrail, byCourse, unlocksByDay, completionsByDay);
                        if (events % 1_000 == 0) {
                            progress.addAndGet(1_000);
                        }
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot scan the event store: " + e.getMessage(), e);
        }
        Map<String, Long> unlockedByProgram = new TreeMap<>();
        Map<String, Map<String, Long>> statusByProgram = new TreeMap<>();
        blocks.values().forEach(block -> {
            unlockedByProgram.merge(block[0], 1L, Long::sum);
            statusByProgram.computeIfAbsent(block[0], p -> new TreeMap<>()).merge(block[1], 1L, Long::sum);
        });
        return new Facts(events, maxIndex, byType, positions, repeats(factHashes, events), repeats(idHashes, events),
                unlockedByProgram, statusByProgram, byTrail, byCourse, unlocksByDay, completionsByDay);
    }

    private static void apply(String type, JsonNode payload, Map<String, String[]> blocks, Map<Long, Long> byTrail,
                              Map<Long, Long> byCourse, Map<LocalDate, Long> unlocksByDay,
                              Map<LocalDate, Long> completionsByDay) {
        if (type.equals(EventRows.UNLOCKED)) {
            blocks.put(payload.path("talentBlockId").asString(), new String[]{payload.path("programId").asString(),
                    payload.path("status").asString()});
            unlocksByDay.merge(day(payload.path("unlockedAt").asString()), 1L, Long::sum);
        } else if (type.equals(EventRows.STATUS_CHANGED)) {
            String[] block = blocks.get(payload.path("talentBlockId").asString());
            if (block != null) {
                block[1] = payload.path("status").asString();
            }
        } else if (type.equals(EventRows.COMPLETED)) {
            byTrail.merge(payload.path("trailId").asLong(), 1L, Long::sum);
            payload.path("courses").forEach(course -> byCourse.merge(course.path("id").asLong(), 1L, Long::sum));
            completionsByDay.merge(day(payload.path("finishedAt").asString()), 1L, Long::sum);
        }
    }

    /** What makes a fact the same fact, whatever delivery carried it. */
    private static String factKey(String type, JsonNode payload) {
        if (type.equals(EventRows.UNLOCKED)) {
            return "unlocked|" + payload.path("talentId").asString() + "|" + payload.path("talentBlockId").asString();
        }
        if (type.equals(EventRows.STATUS_CHANGED)) {
            return "changed|" + payload.path("talentId").asString() + "|" + payload.path("talentBlockId").asString()
                    + "|" + payload.path("status").asString();
        }
        return "completed|" + payload.path("institutionId").asLong() + ":" + payload.path("userId").asLong() + ":"
                + payload.path("trailId").asLong() + "|" + payload.path("finishedAt").asString();
    }

    private static LocalDate day(String instant) {
        return Instant.parse(instant).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** How many entries repeat an earlier one (64-bit hashes: a false repeat among millions is ~1e-7 likely). */
    private static long repeats(long[] hashes, long count) {
        long[] sorted = Arrays.copyOf(hashes, (int) count);
        Arrays.sort(sorted);
        long repeats = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                repeats++;
            }
        }
        return repeats;
    }

    /** FNV-1a, 64 bits. */
    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
