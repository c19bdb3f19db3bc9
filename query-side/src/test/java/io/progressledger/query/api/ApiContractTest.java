package io.progressledger.query.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The conformance test's judge, judged: it must catch each way an answer can stray from its document. */
class ApiContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ApiContract CONTRACT = new ApiContract(JSON.readTree("""
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/things/{id}": {"get": {"responses": {
               "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}},
               "404": {"description": "no", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}},
             "components": {"schemas": {
               "Page": {"type": "object", "required": ["items", "nextCursor"], "properties": {
                 "items": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                 "nextCursor": {"type": ["string", "null"]}}},
               "Thing": {"type": "object", "required": ["name", "at"], "properties": {
                 "name": {"type": "string"}, "at": {"type": "string", "format": "date-time"},
                 "count": {"type": "integer", "format": "int32"}}}}}}
            """));
    private static final String OPERATION = "GET /things/{id}";

    @Test
    void an_answer_as_documented_passes() {
        assertThat(violations("""
                {"items": [{"name": "a", "at": "2024-01-01T00:00:00Z", "count": 2}], "nextCursor": null}""")).isEmpty();
        assertThat(CONTRACT.operations()).containsExactly(OPERATION);
        assertThat(CONTRACT.statuses(OPERATION)).containsExactly(200, 404);
        assertThat(CONTRACT.mediaType(OPERATION, 404)).isEqualTo("application/problem+json");
    }

    @Test
    void an_undocumented_field_fails() {
        assertThat(violations("""
                {"items": [{"name": "a", "at": "2024-01-01T00:00:00Z", "secret": 1}], "nextCursor": null}""")).isNotEmpty();
    }

    @Test
    void a_missing_required_field_fails_even_when_it_would_be_null() {
        assertThat(violations("""
                {"items": []}""")).isNotEmpty();
        assertThat(violations("""
                {"items": [{"name": "a"}], "nextCursor": "c"}""")).isNotEmpty();
    }

    @Test
    void null_where_the_document_does_not_allow_it_fails() {
        assertThat(violations("""
                {"items": [{"name": null, "at": "2024-01-01T00:00:00Z"}], "nextCursor": null}""")).isNotEmpty();
    }

    @Test
    void a_wrong_type_or_format_fails() {
        assertThat(violations("""
                {"items": [{"name": "a", "at": "2024-01-01T00:00:00Z", "count": "2"}], "nextCursor": null}"""))
                .isNotEmpty();
        assertThat(violations("""
                {"items": [{"name": "a", "at": "yesterday"}], "nextCursor": null}""")).isNotEmpty();
    }

    private static java.util.List<String> violations(String body) {
        JsonNode value = JSON.readTree(body);
        return CONTRACT.violations(OPERATION, 200, value);
    }
}
