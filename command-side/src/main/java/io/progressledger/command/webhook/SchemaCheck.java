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

/**
 * A JSON Schema (2020-12) loaded from the classpath, checked with networknt's validator: format assertions on
 * (date-time, email), the schema's defaults applied to the checked document, every error located by JSON Pointer.
 */
public final class SchemaCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
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
        byPointer.forEach((pointer, messages) -> errors.add(new FieldError(pointer, String.join("; ",
                messages.stream().distinct().toList()))));
        return errors;
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
