package io.progressledger.command.toolzz;

import io.progressledger.command.trail.CompleteTrail;
import io.progressledger.command.webhook.FieldError;
import io.progressledger.command.webhook.Interpretation;
import io.progressledger.command.webhook.Receipt;
import io.progressledger.command.webhook.SchemaCheck;
import io.progressledger.command.webhook.StrictJson;
import io.progressledger.command.webhook.StringBounds;
import io.progressledger.command.webhook.WebhookAdapter;
import io.progressledger.events.personal.PersonalData;
import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Toolzz: {@code activities.trail.completed} becomes {@link CompleteTrail}; {@code PING} is acknowledged; every other
 * slug is kept but not recorded. Toolzz's timestamps carry no zone: they are read in {@code progress.toolzz.zone}.
 */
@Component
public class ToolzzAdapter implements WebhookAdapter {

    static final String TRAIL_COMPLETED = "activities.trail.completed";
    static final String PING = "PING";
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** What every Toolzz envelope names, bounded before the ledger decides whether it records the event. */
    private static final StringBounds ENVELOPE = StringBounds.of()
            .name("/event/slug", StringBounds.EVENT_TYPE)
            .name("/event/name", StringBounds.EVENT_TYPE)
            .text("/event/send_at", StringBounds.TIMESTAMP);
    /** What a completion's checks read and its views keep (learner's name and email, trail's and courses' names). */
    private static final StringBounds TRAIL_COMPLETED_FIELDS = StringBounds.of()
            .text("/data/user/name", 500)
            .text("/data/user/email", 320)
            .text("/data/trail/name", 1000)
            .text("/data/trail/finished_at", StringBounds.TIMESTAMP)
            .text("/data/trail/courses/*/title", 1000);

    private final SchemaCheck envelopeSchema = SchemaCheck.load("schemas/toolzz/envelope.schema.json");
    private final SchemaCheck trailCompletedSchema = SchemaCheck.load("schemas/toolzz/trail-completed.schema.json");
    private final ZoneId zone;

    public ToolzzAdapter(ToolzzProperties properties) {
        this.zone = properties.zone();
    }

    @Override
    public String source() {
        return "toolzz";
    }

    @Override
    public Interpretation interpret(JsonNode body, Receipt receipt) {
        if (isPing(body)) {
            return new Interpretation.Ping(PING);
        }
        if (!body.isObject()) {
            return Interpretation.Invalid.fields(null, List.of(new FieldError("", "a Toolzz webhook is a JSON object")));
        }
        List<FieldError> envelopeErrors = ENVELOPE.check(body);
        if (envelopeErrors.isEmpty()) {
            envelopeErrors = envelopeSchema.check(body, "");
        }
        if (!envelopeErrors.isEmpty()) {
            return Interpretation.Invalid.fields(null, envelopeErrors);
        }
        String slug = body.path("event").path("slug").stringValue();
        if (!TRAIL_COMPLETED.equals(slug)) {
            return new Interpretation.Unsupported(slug, null);
        }
        List<FieldError> outOfBounds = TRAIL_COMPLETED_FIELDS.check(body);
        if (!outOfBounds.isEmpty()) {
            return Interpretation.Invalid.fields(slug, outOfBounds);
        }
        List<FieldError> errors = new ArrayList<>(trailCompletedSchema.check(body, ""));
        if (!errors.isEmpty()) {
            return Interpretation.Invalid.fields(slug, errors);
        }
        TrailCompletedWebhook webhook = StrictJson.MAPPER.treeToValue(body, TrailCompletedWebhook.class);
        Instant finishedAt = instant(webhook.data().trail().finishedAt(), "/data/trail/finished_at", errors);
        instant(webhook.event().sendAt(), "/event/send_at", errors);
        if (!errors.isEmpty()) {
            return Interpretation.Invalid.fields(slug, errors);
        }
        return command(webhook, finishedAt, receipt);
    }

    private static Interpretation command(TrailCompletedWebhook webhook, Instant finishedAt, Receipt receipt) {
        var data = webhook.data();
        var learnerTrail = new LearnerTrailId(data.institution().id(), data.user().id(), data.trail().id());
        String naturalKey = learnerTrail.asString() + "@" + data.trail().finishedAt();
        var command = new CompleteTrail(learnerTrail, plain(data.user().name()), plain(data.user().email()), data.trail().name(),
                finishedAt, data.trail().courses().stream().map(c -> new Course(c.id(), c.title())).toList(),
                receipt.provenance(naturalKey));
        return new Interpretation.Command(TRAIL_COMPLETED, command, command.aggregateId(), naturalKey,
                "trail-completed:" + naturalKey);
    }

    /** A learner: {@code data.institution.id} and {@code data.user.id}, whatever event the body is. */
    @Override
    public Optional<String> dataSubject(JsonNode body) {
        OptionalLong institution = id(body.path("data").path("institution").path("id"));
        OptionalLong user = id(body.path("data").path("user").path("id"));
        return institution.isPresent() && user.isPresent()
                ? Optional.of(PersonalData.learner(institution.getAsLong(), user.getAsLong())) : Optional.empty();
    }

    /** An id as a number, or as digits in a string (a mistake the schema refuses, but still the learner's id). */
    private static OptionalLong id(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return OptionalLong.of(node.longValue());
        }
        if (node.isString() && node.stringValue().matches("\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(node.stringValue()));
        }
        return OptionalLong.empty();
    }

    /** The shape is checked by the schema; the calendar (no 30th of February) is checked here. */
    private Instant instant(String localTime, String pointer, List<FieldError> errors) {
        try {
            return LocalDateTime.parse(localTime, LOCAL_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(pointer, "'" + localTime + "' is not a date and time of the calendar "
                    + "(yyyy-MM-dd HH:mm:ss)"));
            return null;
        }
    }

    /** Toolzz's registration check; its documentation does not show its body, so both plausible shapes count. */
    private static boolean isPing(JsonNode body) {
        JsonNode event = body.path("event");
        return PING.equalsIgnoreCase(event.isString() ? event.stringValue() : event.path("slug").asString(""))
                || PING.equalsIgnoreCase(event.path("name").asString(""));
    }

    /** A sender's text is plain text, whatever it looks like: the ingestion seals it. */
    private static PersonalValue plain(String text) {
        return text == null ? null : new PersonalValue.Plain(text);
    }
}
