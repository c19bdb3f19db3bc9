package io.progressledger.command.webhook;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON Schema (2020-12) loaded from the classpath, checked with networknt's validator: format assertions on
 * (date-time, email), the schema's defaults applied to the checked document, every error located by JSON Pointer.
 * Our own schemas word their messages for senders with networknt's {@code errorMessage} keyword; the senders' own
 * schemas are kept verbatim, so their enumerations ({@code anyOf} of constants) are summarized here.
 */
public final class SchemaCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
                    .errorMessageKeyword("errorMessage")
                    .build()));

    private final Schema schema;

    private SchemaCheck(Schema schema) {
        this.schema = schema;
    }

    /** @param classpathLocation for example {@code schemas/phoenix/talent-block-unlocked.v2.schema.json} */
    public static SchemaCheck load(String classpathLocation) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of("classpath:" + classpathLocation));
        schema.initializeValidators();
        return new SchemaCheck(schema);
    }

    /**
     * Checks {@code node} (found at {@code pointerPrefix} in the body) and fills in the schema's defaults where a
     * property is absent. Several errors at the same place are reported once, with their messages joined.
     */
    public List<FieldError> check(JsonNode node, String pointerPrefix) {
        var result = schema.walk(node, true, context -> context.walkConfig(walk -> walk.applyDefaultsStrategy(
                defaults -> defaults.applyPropertyDefaults(true))));
        Map<String, List<String>> byPointer = new LinkedHashMap<>();
        for (Error error : result.getErrors()) {
            String pointer = pointerPrefix + pointerOf(error);
            byPointer.computeIfAbsent(pointer, p -> new ArrayList<>()).add(messageOf(error));
        }
        List<FieldError> errors = new ArrayList<>();
        byPointer.forEach((pointer, messages) -> errors.add(new FieldError(pointer, summarize(messages))));
        return errors;
    }

    private static final Pattern CONSTANT = Pattern.compile("must be the constant value '(.*)'");

    /** "must be the constant value 'A'; ... 'B'" (an enumeration written as anyOf) becomes "must be one of A, B". */
    private static String summarize(List<String> messages) {
        List<String> constants = new ArrayList<>();
        for (String message : messages) {
            Matcher constant = CONSTANT.matcher(message);
            if (constant.matches()) {
                constants.add(constant.group(1));
            }
        }
        if (constants.size() > 1 && constants.size() == messages.size()) {
            return "must be one of " + String.join(", ", constants);
        }
        return String.join("; ", messages.stream().distinct().toList());
    }

    private static String pointerOf(Error error) {
        String location = error.getInstanceLocation().toString();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            location = location + "/" + error.getProperty();
        }
        return location;
    }

    /** networknt prefixes its messages with the location, which the pointer already carries. */
    private static String messageOf(Error error) {
        String message = error.getMessage();
        String location = error.getInstanceLocation().toString();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        return message;
    }
}
