package io.progressledger.query.api;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The served OpenAPI document as a contract to hold real answers to, with networknt's JSON Schema validator
 * (OpenAPI 3.1 dialect, formats asserted). Held strictly: an object the document describes may carry no property it
 * does not list, so an undocumented field fails as surely as a missing or mistyped one.
 */
final class ApiContract {

    private static final String BASE = "https://progress-ledger.test/openapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new LinkedHashMap<>();

    ApiContract(JsonNode document) {
        this.document = document;
        ObjectNode strict = (ObjectNode) document.deepCopy();
        strict.path("components").path("schemas").forEach(ApiContract::close);
        String text = JSON.writeValueAsString(strict);
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(BASE, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true).build()));
    }

    /** Every operation of the document, as {@code "GET /api/talents/{talentId}"}. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    JsonNode operation(String operation) {
        String[] parts = operation.split(" ", 2);
        JsonNode node = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("the document has no operation " + operation);
        }
        return node;
    }

    /** The statuses the document lists for an operation. */
    Set<Integer> statuses(String operation) {
        Set<Integer> statuses = new TreeSet<>();
        operation(operation).path("responses").propertyNames().forEach(status -> statuses.add(Integer.parseInt(status)));
        return statuses;
    }

    /** The schema of a query parameter of an operation; missing when the operation does not take it. */
    JsonNode parameterSchema(String operation, String parameter) {
        for (JsonNode candidate : operation(operation).path("parameters")) {
            if (parameter.equals(candidate.path("name").asString())) {
                return candidate.path("schema");
            }
        }
        return JSON.missingNode();
    }

    /** The query parameters of an operation. */
    List<String> queryParameters(String operation) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : operation(operation).path("parameters")) {
            if ("query".equals(parameter.path("in").asString())) {
                names.add(parameter.path("name").asString());
            }
        }
        return names;
    }

    /** The one media type the document gives an answer of an operation; fails when there is none or several. */
    String mediaType(String operation, int status) {
        JsonNode content = response(operation, status).path("content");
        if (content.size() != 1) {
            throw new AssertionError(operation + " " + status + " documents " + content.size() + " media types");
        }
        return content.propertyNames().iterator().next();
    }

    JsonNode response(String operation, int status) {
        return operation(operation).path("responses").path(Integer.toString(status));
    }

    /** What is wrong with {@code value} as the documented body of that answer; empty when nothing is. */
    List<String> violations(String operation, int status, JsonNode value) {
        String mediaType = mediaType(operation, status);
        String[] parts = operation.split(" ", 2);
        String pointer = "/paths/" + escape(parts[1]) + "/" + parts[0].toLowerCase(Locale.ROOT) + "/responses/"
                + status + "/content/" + escape(mediaType) + "/schema";
        Schema schema = schemas.computeIfAbsent(pointer, p -> {
            Schema loaded = registry.getSchema(SchemaLocation.of(BASE + "#" + p));
            loaded.initializeValidators();
            return loaded;
        });
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(value)) {
            violations.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return violations;
    }

    /** Closes every object schema with listed properties (and those of its variants and nested objects). */
    private static void close(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> nested = object.path("properties").values().iterator(); nested.hasNext(); ) {
                close(nested.next());
            }
            close(object.path("items"));
            object.path("oneOf").forEach(ApiContract::close);
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
