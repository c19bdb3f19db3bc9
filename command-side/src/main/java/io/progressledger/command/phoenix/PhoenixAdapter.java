package io.progressledger.command.phoenix;

import io.progressledger.command.talent.UnlockTalentBlock;
import io.progressledger.command.webhook.FieldError;
import io.progressledger.command.webhook.Interpretation;
import io.progressledger.command.webhook.Receipt;
import io.progressledger.command.webhook.SchemaCheck;
import io.progressledger.command.webhook.StrictJson;
import io.progressledger.command.webhook.StringBounds;
import io.progressledger.command.webhook.WebhookAdapter;
import io.progressledger.command.webhook.WebhookProblem;
import io.progressledger.events.talent.BlockStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Phoenix (parcours B2C): {@code TalentBlockUnlockedEvent} version 2 becomes {@link UnlockTalentBlock}. The payload
 * is checked against Phoenix's own JSON Schema (its defaults applied), the envelope against ours, then what no
 * schema can say: the names, versions and ids that appear twice must agree.
 */
@Component
public class PhoenixAdapter implements WebhookAdapter {

    static final String TALENT_BLOCK_UNLOCKED = "TalentBlockUnlockedEvent";
    static final int SUPPORTED_VERSION = 2;
    private static final String PAYLOAD = "/eventData/payload";

    /** What every Phoenix envelope names, bounded before the ledger decides whether it records the event. */
    private static final StringBounds NAMES = StringBounds.of()
            .name("/eventName", StringBounds.EVENT_TYPE)
            .name("/eventData/name", StringBounds.EVENT_TYPE);
    /** What the event's checks read and its views keep, bounded before any check runs on it. */
    private static final StringBounds FIELDS = StringBounds.of()
            .text("/createdAt", StringBounds.TIMESTAMP)
            .text("/updatedAt", StringBounds.TIMESTAMP)
            .id("/userId")
            .id("/talentId")
            .id(PAYLOAD + "/user/id")
            .id(PAYLOAD + "/talent/id")
            .id(PAYLOAD + "/talentBlock/id")
            .id(PAYLOAD + "/talentBlock/talentId")
            .id(PAYLOAD + "/talentBlock/blockId")
            .id(PAYLOAD + "/talentBlock/programId")
            .id(PAYLOAD + "/talentBlock/talentPhaseId")
            .id(PAYLOAD + "/talentBlock/talentActivityIds/*")
            .name(PAYLOAD + "/talentBlock/status", 32);

    private final SchemaCheck envelopeSchema = SchemaCheck.load("schemas/phoenix/envelope.v2.schema.json");
    private final SchemaCheck payloadSchema =
            SchemaCheck.load("schemas/phoenix/talent-block-unlocked.v2.payload.schema.json");

    @Override
    public String source() {
        return "phoenix";
    }

    @Override
    public Interpretation interpret(JsonNode body, Receipt receipt) {
        if (!body.isObject()) {
            return Interpretation.Invalid.fields(null, List.of(new FieldError("", "a Phoenix webhook is a JSON object")));
        }
        JsonNode eventName = body.path("eventName");
        if (!eventName.isString()) {
            return Interpretation.Invalid.fields(null, List.of(new FieldError("/eventName", "required: the Phoenix event name")));
        }
        List<FieldError> badNames = NAMES.check(body);
        if (!badNames.isEmpty()) {
            return Interpretation.Invalid.fields(null, badNames);
        }
        JsonNode dataName = body.path("eventData").path("name");
        if (dataName.isString() && !dataName.stringValue().equals(eventName.stringValue())) {
            // A self-contradicting envelope is refused whatever it claims to be: neither name can be trusted.
            return new Interpretation.Invalid(eventName.stringValue(), WebhookProblem.INCONSISTENT_IDENTIFIERS,
                    "fields that must agree do not", List.of(new FieldError("/eventData/name",
                    "must equal eventName")));
        }
        if (!TALENT_BLOCK_UNLOCKED.equals(eventName.stringValue())) {
            return new Interpretation.Unsupported(eventName.stringValue(), envelopeId(body.path("id")));
        }
        JsonNode version = body.path("eventData").path("version");
        if (version.isIntegralNumber() && version.longValue() != SUPPORTED_VERSION) {
            return new Interpretation.Invalid(TALENT_BLOCK_UNLOCKED, WebhookProblem.UNSUPPORTED_VERSION,
                    TALENT_BLOCK_UNLOCKED + " version " + version.asString() + " is not supported; version "
                            + SUPPORTED_VERSION + " is", List.of(new FieldError("/eventData/version",
                    "supported versions: [" + SUPPORTED_VERSION + "]")));
        }
        List<FieldError> outOfBounds = FIELDS.check(body);
        if (!outOfBounds.isEmpty()) {
            return Interpretation.Invalid.fields(TALENT_BLOCK_UNLOCKED, outOfBounds);
        }
        List<FieldError> errors = new ArrayList<>(envelopeSchema.check(body, ""));
        JsonNode payload = body.path("eventData").path("payload");
        if (payload.isObject()) {
            errors.addAll(payloadSchema.check(payload, PAYLOAD));
        }
        JsonNode order = payload.path("talentBlock").path("order");
        if (order.isNumber() && !(order.isIntegralNumber() && order.canConvertToInt())) {
            errors.add(new FieldError(PAYLOAD + "/talentBlock/order",
                    "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE));
        }
        if (!errors.isEmpty()) {
            return Interpretation.Invalid.fields(TALENT_BLOCK_UNLOCKED, errors);
        }
        PhoenixEnvelope envelope = StrictJson.MAPPER.treeToValue(body, PhoenixEnvelope.class);
        List<FieldError> disagreements = disagreements(envelope);
        if (!disagreements.isEmpty()) {
            return new Interpretation.Invalid(TALENT_BLOCK_UNLOCKED, WebhookProblem.INCONSISTENT_IDENTIFIERS,
                    "fields that must agree do not", disagreements);
        }
        return command(envelope, receipt);
    }

    /** The envelope's id of an event not recorded, kept when it is a whole number (as Phoenix sends it). */
    private static String envelopeId(JsonNode id) {
        return id.isIntegralNumber() && id.canConvertToLong() ? Long.toString(id.longValue()) : null;
    }

    private static Interpretation command(PhoenixEnvelope envelope, Receipt receipt) {
        var payload = envelope.eventData().payload();
        var block = payload.talentBlock();
        String senderEventId = Long.toString(envelope.id());
        var command = new UnlockTalentBlock(payload.talent().id(), payload.user().id(), block.id(), block.blockId(),
                block.programId(), block.talentPhaseId(), block.order(), BlockStatus.valueOf(block.status()),
                block.talentActivityIds(), envelope.createdAt(), envelope.updatedAt(),
                receipt.provenance(senderEventId));
        return new Interpretation.Command(TALENT_BLOCK_UNLOCKED, command, command.aggregateId(), senderEventId,
                "phoenix-event:" + senderEventId);
    }

    private static List<FieldError> disagreements(PhoenixEnvelope envelope) {
        var data = envelope.eventData();
        var payload = data.payload();
        List<FieldError> errors = new ArrayList<>();
        if (envelope.version() != null && envelope.version() != data.version()) {
            errors.add(new FieldError("/version", "must equal eventData.version " + data.version()));
        }
        if (!payload.talent().id().equals(payload.talentBlock().talentId())) {
            errors.add(new FieldError(PAYLOAD + "/talentBlock/talentId", "must equal talent.id"));
        }
        if (!payload.talent().id().equals(envelope.talentId())) {
            errors.add(new FieldError("/talentId", "must equal eventData.payload.talent.id"));
        }
        if (!Objects.equals(payload.user().id(), envelope.userId())) {
            errors.add(new FieldError("/userId", "must equal eventData.payload.user.id"));
        }
        return errors;
    }

}
