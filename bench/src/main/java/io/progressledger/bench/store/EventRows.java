package io.progressledger.bench.store;

import io.progressledger.bench.load.Catalog;
import io.progressledger.bench.load.Fact;
import io.progressledger.bench.load.IdShape;
import io.progressledger.bench.load.TalentStep;
import io.progressledger.bench.load.TrailStep;
import io.progressledger.events.personal.PersonalData;
import io.progressledger.events.personal.PersonalValue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Rows of {@code DomainEventEntry} exactly as the command side writes them (Axon's JDBC store, Jackson 3 JSON):
 * the published events' fields in the records' order, instants in ISO-8601 as {@link java.time.Instant#toString()},
 * the provenance in the payload and again in the metadata, aggregate type {@code Talent} or {@code Trail}, aggregate
 * ids in the shape the build under test writes them ({@link IdShape}: learnt from its answers, never assumed),
 * revision "1" (completions: "3", the learner's name and email sealed with the learner's key, typed values). {@link ShapeCheck}
 * compares them byte for byte with rows the application wrote before any is bulk-loaded, so a change of the
 * application's event format stops the run instead of skewing it.
 */
public final class EventRows {

    public static final String UNLOCKED = "io.progressledger.events.talent.TalentBlockUnlocked";
    public static final String STATUS_CHANGED = "io.progressledger.events.talent.TalentBlockStatusChanged";
    public static final String COMPLETED = "io.progressledger.events.trail.TrailCompleted";

    private final Catalog catalog;
    private final JsonMapper json;
    private final Sealer sealer;
    private final IdShape idShape;

    /** Rows whose aggregate ids are not known yet: {@link #withIdShape} before {@link #row}. */
    public EventRows(Catalog catalog, JsonMapper json, Sealer sealer) {
        this(catalog, json, sealer, null);
    }

    private EventRows(Catalog catalog, JsonMapper json, Sealer sealer, IdShape idShape) {
        this.catalog = catalog;
        this.json = json;
        this.sealer = sealer;
        this.idShape = idShape;
    }

    /** Seals one personal value of a data subject (see the published language's {@code PersonalData}). */
    @FunctionalInterface
    public interface Sealer {
        PersonalValue seal(String subject, String field, String plain);
    }

    /** The same rows, personal values sealed by {@code other}. */
    public EventRows withSealer(Sealer other) {
        return new EventRows(catalog, json, other, idShape);
    }

    /** The same rows, aggregates named in {@code shape}. */
    public EventRows withIdShape(IdShape shape) {
        return new EventRows(catalog, json, sealer, shape);
    }

    /** Where a fact came from, as the command side records it; {@code traceId} is also the correlation id. */
    public record Provenance(String source, String senderEventId, String deliveryId, String receivedAt,
                             String traceId) {
    }

    /** One row, without its global index (the database assigns it). */
    public record Row(String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier,
                      byte[] metaData, byte[] payload, String payloadRevision, String payloadType, String timeStamp) {
    }

    public Row row(Fact fact, Provenance provenance, String eventIdentifier, String timeStamp) {
        if (idShape == null) {
            throw new IllegalStateException("the build's aggregate id shape is not known yet (no accepted delivery)");
        }
        return new Row(fact.aggregateId(catalog, idShape), fact.sequenceNumber(), fact instanceof TalentStep ? "Talent" : "Trail",
                eventIdentifier, metaData(provenance), payload(fact, provenance), fact instanceof TalentStep ? "1" : "3",
                payloadType(fact), timeStamp);
    }

    /** The provenance a delivery of this fact gets: the sender's event id (Phoenix) or natural key (Toolzz). */
    public Provenance provenance(Fact fact, String deliveryId, String receivedAt, String traceId) {
        if (fact instanceof TalentStep step) {
            return new Provenance("phoenix", Long.toString(catalog.phoenixEventId(step.talent(), step.step())),
                    deliveryId, receivedAt, traceId);
        }
        return new Provenance("toolzz", ((TrailStep) fact).naturalKey(catalog), deliveryId, receivedAt, traceId);
    }

    public static String payloadType(Fact fact) {
        if (fact instanceof TalentStep step) {
            return step.unlock() ? UNLOCKED : STATUS_CHANGED;
        }
        return COMPLETED;
    }

    public byte[] payload(Fact fact, Provenance provenance) {
        ObjectNode node = fact instanceof TalentStep step ? talentPayload(step) : trailPayload((TrailStep) fact);
        ObjectNode origin = node.putObject("provenance");
        origin.put("source", provenance.source());
        origin.put("senderEventId", provenance.senderEventId());
        origin.put("deliveryId", provenance.deliveryId());
        origin.put("receivedAt", provenance.receivedAt());
        return json.writeValueAsBytes(node);
    }

    /** Axon's metadata: the command's correlation data, in the order the command side's map writes it. */
    public byte[] metaData(Provenance provenance) {
        ObjectNode node = json.createObjectNode();
        node.put("traceId", provenance.traceId());
        node.put("deliveryId", provenance.deliveryId());
        node.put("senderEventId", provenance.senderEventId());
        node.put("correlationId", provenance.traceId());
        node.put("source", provenance.source());
        node.put("receivedAt", provenance.receivedAt());
        return json.writeValueAsBytes(node);
    }

    private ObjectNode talentPayload(TalentStep step) {
        int talent = step.talent();
        int program = catalog.programOf(talent);
        ObjectNode node = json.createObjectNode();
        node.put("talentId", catalog.talentId(talent));
        node.put("userId", catalog.phoenixUserId(talent));
        node.put("talentBlockId", catalog.talentBlockId(talent, step.block()));
        node.put("blockId", catalog.blockId(program, step.block()));
        node.put("programId", catalog.programId(program));
        node.put("talentPhaseId", catalog.talentPhaseId(program, step.phase()));
        node.put("order", step.order());
        if (!step.unlock()) {
            node.put("previousStatus", step.previousStatus());
        }
        node.put("status", step.status());
        ArrayNode activities = node.putArray("talentActivityIds");
        step.activityIds(catalog).forEach(activities::add);
        if (step.unlock()) {
            node.put("unlockedAt", step.createdAt(catalog).toString());
        }
        node.put("statusUpdatedAt", step.updatedAt(catalog).toString());
        return node;
    }

    private ObjectNode trailPayload(TrailStep step) {
        int learner = step.learner();
        long trailId = step.trailId(catalog);
        ObjectNode node = json.createObjectNode();
        node.put("institutionId", catalog.institutionId(learner));
        node.put("userId", catalog.toolzzUserId(learner));
        String subject = PersonalData.learner(catalog.institutionId(learner), catalog.toolzzUserId(learner));
        node.set("userName", json.valueToTree(sealer.seal(subject, "userName", catalog.learnerName(learner))));
        node.set("userEmail", json.valueToTree(sealer.seal(subject, "userEmail", catalog.learnerEmail(learner))));
        node.put("trailId", trailId);
        node.put("trailName", catalog.trailName(trailId));
        node.put("finishedAt", Catalog.toolzzInstant(step.finishedAt(catalog)).toString());
        node.put("completionNumber", step.completion());
        ArrayNode courses = node.putArray("courses");
        for (long courseId : catalog.courseIds(trailId)) {
            ObjectNode course = courses.addObject();
            course.put("id", courseId);
            course.put("title", catalog.courseTitle(courseId));
        }
        return node;
    }

    /** A version-4 UUID from a fast generator: bulk loading makes a million of them. */
    public static String randomUuid(SplittableRandom random) {
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
