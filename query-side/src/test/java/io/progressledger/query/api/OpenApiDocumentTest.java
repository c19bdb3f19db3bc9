package io.progressledger.query.api;

import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The API is described by an OpenAPI 3 document, browsable in Swagger UI, open to anyone (it holds no data). */
class OpenApiDocumentTest extends QuerySideTest {

    @Test
    void the_openapi_document_describes_every_dashboard_endpoint() {
        Response response = get("/v3/api-docs", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("paths").propertyNames()).contains(
                "/api/talents/{talentId}", "/api/talents/{talentId}/blocks", "/api/programs/{programId}/funnel",
                "/api/learners/{institutionId}/{userId}/trails", "/api/trails/{trailId}/completions",
                "/api/institutions/{institutionId}/completions", "/api/courses", "/api/courses/{courseId}",
                "/api/courses/{courseId}/completions", "/api/stats/daily", "/api/projections", "/api/stream");
        assertThat(document.path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(document.toString()).contains("minPosition");
    }

    @Test
    void swagger_ui_is_served() {
        Response ui = get("/swagger-ui/index.html", null);

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
    }
}
