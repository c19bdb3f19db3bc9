package io.progressledger.query.dashboard;

import io.progressledger.query.endtoend.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Deliveries shaped like the senders' own examples (the seeds), with the fields a test chooses, posted for real. */
public final class Webhooks {

    public static final String PHOENIX_TOKEN = "dash-phoenix-Tn4Ah7Qw2Gy9Ku6C";
    public static final String TOOLZZ_TOKEN = "dash-toolzz-Sv1Jm5Xd8Pb3Ne7F";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger ENVELOPES = new AtomicInteger(7_000_000);

    private final String commandSide;

    public Webhooks(String commandSide) {
        this.commandSide = commandSide;
    }

    public record Block(String talentId, String userId, String talentBlockId, String blockId, int order, String status,
                 String programId, String phaseId, String at) {
    }

    public record Course(long id, String title) {
    }

    /** A Phoenix TalentBlockUnlockedEvent v2; answers the webhook's 200 body. */
    public JsonNode phoenix(Block block) {
        return phoenix(block, block.at());
    }

    /** The same block delivered again at {@code updatedAt}: a change of status when {@code status} differs. */
    JsonNode phoenix(Block block, String updatedAt) {
        ObjectNode body = (ObjectNode) seed("phoenix-talent-block-unlocked.v2.example.json");
        body.put("id", ENVELOPES.incrementAndGet());
        body.put("createdAt", block.at());
        body.put("updatedAt", updatedAt);
        body.put("userId", block.userId());
        body.put("talentId", block.talentId());
        ObjectNode payload = (ObjectNode) body.path("eventData").path("payload");
        ((ObjectNode) payload.path("user")).put("id", block.userId());
        ((ObjectNode) payload.path("talent")).put("id", block.talentId());
        ObjectNode talentBlock = (ObjectNode) payload.path("talentBlock");
        talentBlock.put("id", block.talentBlockId());
        talentBlock.put("order", block.order());
        talentBlock.put("status", block.status());
        talentBlock.put("blockId", block.blockId());
        talentBlock.put("talentId", block.talentId());
        talentBlock.put("programId", block.programId());
        talentBlock.put("talentPhaseId", block.phaseId());
        return post("/webhooks/phoenix", body, PHOENIX_TOKEN);
    }

    Block withStatus(Block block, String status) {
        return new Block(block.talentId(), block.userId(), block.talentBlockId(), block.blockId(), block.order(),
                status, block.programId(), block.phaseId(), block.at());
    }

    /** A Toolzz activities.trail.completed; {@code finishedAt} in Toolzz's format (yyyy-MM-dd HH:mm:ss, São Paulo). */
    public JsonNode toolzz(long institutionId, long userId, String name, String email, long trailId, String trailName,
                    String finishedAt, List<Course> courses) {
        ObjectNode body = (ObjectNode) seed("toolzz-trail-completed.example.json");
        ((ObjectNode) body.path("event")).put("send_at", finishedAt);
        ObjectNode data = (ObjectNode) body.path("data");
        ((ObjectNode) data.path("institution")).put("id", institutionId);
        ObjectNode user = (ObjectNode) data.path("user");
        user.put("id", userId);
        user.put("name", name);
        user.put("email", email);
        ObjectNode trail = (ObjectNode) data.path("trail");
        trail.put("id", trailId);
        trail.put("name", trailName);
        trail.put("finished_at", finishedAt);
        ArrayNode list = trail.putArray("courses");
        courses.forEach(course -> list.addObject().put("id", course.id()).put("title", course.title()));
        return post("/webhooks/toolzz", body, TOOLZZ_TOKEN);
    }

    public static long position(JsonNode answer) {
        return answer.path("events").get(0).path("globalPosition").asLong();
    }

    private JsonNode post(String path, JsonNode body, String token) {
        Http.Response response = Http.post(commandSide + path, JSON.writeValueAsString(body),
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).as(response.body()).isEqualTo("accepted");
        return response.json();
    }

    private static JsonNode seed(String name) {
        try (InputStream in = Webhooks.class.getClassLoader().getResourceAsStream("seeds/" + name)) {
            return JSON.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
