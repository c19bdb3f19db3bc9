package io.progressledger.command;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.UUID;

/** The senders' examples, varied: fresh identities so that tests sharing one database never collide. */
public final class Payloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Payloads() {
    }

    /** The Phoenix example for a new talent, with the given envelope id, status and update time. */
    public static String phoenix(String talentId, long envelopeId, String status, String updatedAt) {
        ObjectNode body = (ObjectNode) JSON.readTree(Seeds.read(Seeds.PHOENIX));
        body.put("id", envelopeId);
        body.put("updatedAt", updatedAt);
        body.put("talentId", talentId);
        ObjectNode payload = (ObjectNode) body.path("eventData").path("payload");
        ((ObjectNode) payload.path("talent")).put("id", talentId);
        ObjectNode block = (ObjectNode) payload.path("talentBlock");
        block.put("talentId", talentId);
        block.put("status", status);
        return JSON.writeValueAsString(body);
    }

    public static String newTalentId() {
        return UUID.randomUUID().toString();
    }

    /** The Toolzz example for the given learner and trail, finished at the given local time. */
    public static String toolzz(long userId, long trailId, String finishedAt) {
        ObjectNode body = (ObjectNode) JSON.readTree(Seeds.read(Seeds.TOOLZZ));
        ObjectNode data = (ObjectNode) body.path("data");
        ((ObjectNode) data.path("user")).put("id", userId);
        ((ObjectNode) data.path("trail")).put("id", trailId);
        ((ObjectNode) data.path("trail")).put("finished_at", finishedAt);
        return JSON.writeValueAsString(body);
    }

    /** The Toolzz example for the given learner, with their own name and email. */
    public static String toolzz(long userId, long trailId, String finishedAt, String name, String email) {
        ObjectNode body = (ObjectNode) JSON.readTree(toolzz(userId, trailId, finishedAt));
        ObjectNode user = (ObjectNode) body.path("data").path("user");
        user.put("name", name);
        user.put("email", email);
        return JSON.writeValueAsString(body);
    }

    /** A Toolzz body with another slug and the same envelope. */
    public static String toolzzEvent(String slug) {
        ObjectNode body = (ObjectNode) JSON.readTree(Seeds.read(Seeds.TOOLZZ));
        ((ObjectNode) body.path("event")).put("slug", slug);
        return JSON.writeValueAsString(body);
    }

    private static long next = System.nanoTime() % 1_000_000_000L;

    /** A numeric id nobody else in this test run uses. */
    public static synchronized long uniqueId() {
        return ++next;
    }
}
