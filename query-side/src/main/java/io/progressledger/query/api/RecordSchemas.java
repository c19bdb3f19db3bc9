package io.progressledger.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says in the API document, for every record the API answers with, which fields are always present and which may be
 * {@code null}, from the record itself, so that the document cannot say otherwise than the code. A component is
 * never null unless its type is {@code @Nullable} (JSpecify); then
 * <ul>
 *     <li>if it is left out when null ({@code @JsonInclude(NON_NULL)} on it or on its record), it is optional
 *     (absent, never {@code null});</li>
 *     <li>otherwise it is always present and may be {@code null}: {@code "type": ["string", "null"]}.</li>
 * </ul>
 * Every other component is required. The conformance test holds every real answer to these rules.
 */
@Component
public class RecordSchemas implements ModelConverter {

    private static final String COMPONENTS = "#/components/schemas/";

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Class<?> raw = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
        if (raw != null && JsonNode.class.isAssignableFrom(raw)) {
            return new JsonSchema(); // any JSON value, described where it is used; not the node's Java accessors
        }
        Schema<?> resolved = chain.next().resolve(type, context, chain);
        if (resolved == null || raw == null) {
            return resolved;
        }
        if (!raw.isRecord() || !raw.getPackageName().startsWith("io.progressledger.")) {
            return resolved;
        }
        Schema<?> model = resolved.get$ref() != null && resolved.get$ref().startsWith(COMPONENTS)
                ? context.getDefinedModels().get(resolved.get$ref().substring(COMPONENTS.length()))
                : resolved;
        if (model != null && model.getProperties() != null) {
            describe(raw, model);
        }
        return resolved;
    }

    @Override
    public boolean isOpenapi31() {
        return true;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describe(Class<?> record, Schema<?> model) {
        JsonInclude.Include recordInclusion = inclusion(record);
        List<String> required = new ArrayList<>();
        Map<String, Schema> properties = (Map) model.getProperties();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component);
            Schema property = properties.get(name);
            if (property == null) {
                continue;
            }
            JsonInclude.Include inclusion = inclusion(component.getAccessor());
            if (inclusion == null) {
                inclusion = recordInclusion;
            }
            boolean leftOutWhenNull = inclusion != null && inclusion != JsonInclude.Include.ALWAYS
                    && inclusion != JsonInclude.Include.USE_DEFAULTS;
            boolean mayBeNull = !component.getType().isPrimitive() && nullable(component);
            if (!mayBeNull) {
                required.add(name);
            } else if (!leftOutWhenNull) {
                required.add(name);
                properties.put(name, orNull(property));
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
    }

    /** The schema allowing {@code null} as well: a type list with "null", or one of a reference and null. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema orNull(Schema property) {
        if (property.get$ref() != null) {
            return new JsonSchema().oneOf(List.of(property, new JsonSchema().typesItem("null")))
                    .description(property.getDescription());
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        return property;
    }

    private static boolean nullable(RecordComponent component) {
        return hasNullable(component.getAnnotatedType().getAnnotations())
                || hasNullable(component.getAccessor().getAnnotatedReturnType().getAnnotations())
                || hasNullable(component.getAnnotations());
    }

    private static boolean hasNullable(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }

    private static JsonInclude.Include inclusion(AnnotatedElement element) {
        JsonInclude include = element.getAnnotation(JsonInclude.class);
        return include == null ? null : include.value();
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }
}
