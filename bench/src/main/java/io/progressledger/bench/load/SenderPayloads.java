package io.progressledger.bench.load;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Webhook bodies shaped exactly like the senders' seed examples ({@code command-side/src/test/resources/seeds}):
 * the same fields in the same order and types, only the values synthetic. Phoenix's times have milliseconds and a
 * {@code Z}; Toolzz's are São Paulo local times without a zone.
 */
public final class SenderPayloads {

    private static final DateTimeFormatter PHOENIX_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Catalog catalog;
    private final JsonMapper json;

    public SenderPayloads(Catalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    /** Phoenix's {@code TalentBlockUnlockedEvent} v2; a status change is the same block with a newer update. */
    public String phoenix(TalentStep step) {
        return json.writeValueAsString(phoenixNode(step, step.status()));
    }

    /** The same delivery with a status Phoenix never sends (lower case): refused with 422. */
    public String phoenixWithInvalidStatus(TalentStep step) {
        return json.writeValueAsString(phoenixNode(step, step.status().toLowerCase(Locale.ROOT)));
    }

    private ObjectNode phoenixNode(TalentStep step, String status) {
        int talent = step.talent();
        int program = catalog.programOf(talent);
        String talentId = catalog.talentId(talent);
        String userId = catalog.phoenixUserId(talent);
        String keyId = catalog.keyId(talent, step.step());
        long shard = catalog.phoenixEventId(talent, step.step()) % 97;

        ObjectNode root = json.createObjectNode();
        root.put("id", catalog.phoenixEventId(talent, step.step()));
        root.put("createdAt", phoenixTime(step.createdAt(catalog)));
        root.put("updatedAt", phoenixTime(step.updatedAt(catalog)));
        root.put("eventName", "TalentBlockUnlockedEvent");
        root.put("keyId", keyId);
        ObjectNode eventData = root.putObject("eventData");
        eventData.put("name", "TalentBlockUnlockedEvent");
        eventData.put("type", "event");
        eventData.put("keyId", keyId);
        eventData.put("version", 2);
        ObjectNode payload = eventData.putObject("payload");
        payload.putObject("user").put("id", userId);
        payload.putObject("talent").put("id", talentId);
        ObjectNode block = payload.putObject("talentBlock");
        block.put("id", catalog.talentBlockId(talent, step.block()));
        block.put("order", step.order());
        block.put("status", status);
        block.put("blockId", catalog.blockId(program, step.block()));
        block.put("talentId", talentId);
        block.put("programId", catalog.programId(program));
        block.put("talentPhaseId", catalog.talentPhaseId(program, step.phase()));
        ArrayNode activities = block.putArray("talentActivityIds");
        step.activityIds(catalog).forEach(activities::add);
        root.put("status", "ACKNOWLEDGED");
        root.put("publisherNodeId", "phoenix-production-788774c7f-p" + shard);
        root.put("processorNodeId", "phoenix-production-788774c7f-c" + (shard + 1) % 97);
        root.put("version", 2);
        root.put("userId", userId);
        root.put("talentId", talentId);
        return root;
    }

    /** Toolzz's {@code activities.trail.completed}. */
    public String toolzz(TrailStep step) {
        return toolzz(step, Catalog.toolzzTime(step.finishedAt(catalog)));
    }

    /** The same completion finished on a day the calendar does not have: refused with 422. */
    public String toolzzWithImpossibleDate(TrailStep step) {
        return toolzz(step, "2025-02-30 " + Catalog.toolzzTime(step.finishedAt(catalog)).substring(11));
    }

    private String toolzz(TrailStep step, String finishedAt) {
        int learner = step.learner();
        long trailId = step.trailId(catalog);
        ObjectNode root = json.createObjectNode();
        ObjectNode event = root.putObject("event");
        event.put("name", "Atividades - Trilha concluída");
        event.put("slug", "activities.trail.completed");
        event.put("send_at", Catalog.toolzzTime(step.finishedAt(catalog).plusSeconds(2)));
        ObjectNode data = root.putObject("data");
        data.putObject("institution").put("id", catalog.institutionId(learner));
        ObjectNode user = data.putObject("user");
        user.put("id", catalog.toolzzUserId(learner));
        user.put("name", catalog.learnerName(learner));
        user.put("email", catalog.learnerEmail(learner));
        ObjectNode trail = data.putObject("trail");
        trail.put("id", trailId);
        trail.put("name", catalog.trailName(trailId));
        trail.put("finished_at", finishedAt);
        ArrayNode courses = trail.putArray("courses");
        for (long courseId : catalog.courseIds(trailId)) {
            ObjectNode course = courses.addObject();
            course.put("id", courseId);
            course.put("title", catalog.courseTitle(courseId));
        }
        return json.writeValueAsString(root);
    }

    static String phoenixTime(Instant instant) {
        return PHOENIX_TIME.format(instant);
    }
}
