package io.progressledger.query.api;

import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API is described by an OpenAPI 3.1 document, browsable in Swagger UI, open to anyone (it holds no data). The
 * document is also committed as {@code query-side/openapi.json}, from which the build generates a client; the two
 * must not drift apart.
 */
class OpenApiDocumentTest extends QuerySideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path COMMITTED = Path.of("openapi.json");
    private static final Path SERVED_COPY = Path.of("target", "openapi.json");

    @Test
    void the_openapi_document_describes_every_dashboard_endpoint() {
        Response response = get("/v3/api-docs", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.path("paths").propertyNames()).contains(
                "/api/talents/{talentId}", "/api/talents/{talentId}/blocks", "/api/programs/{programId}/funnel",
                "/api/learners/{institutionId}/{userId}/trails", "/api/trails/{trailId}/completions",
                "/api/institutions/{institutionId}/completions", "/api/courses", "/api/courses/{courseId}",
                "/api/courses/{courseId}/completions", "/api/stats/daily", "/api/projections", "/api/stream",
                "/api/admin/tokens", "/api/admin/tokens/{id}");
        assertThat(document.path("components").path("securitySchemes").propertyNames())
                .containsExactlyInAnyOrder("apiToken", "adminToken", "issuedToken");
    }

    @Test
    void the_committed_document_is_the_one_served() throws IOException {
        JsonNode served = get("/v3/api-docs", null).json();
        Files.createDirectories(SERVED_COPY.getParent());
        Files.writeString(SERVED_COPY, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");

        assertThat(Files.exists(COMMITTED)).as("query-side/openapi.json exists").isTrue();
        List<String> differences = new ArrayList<>();
        differences(JSON.readTree(COMMITTED.toFile()), served, "", differences);
        assertThat(differences)
                .as("query-side/openapi.json must be the document the application serves. If the API changed on "
                        + "purpose, copy query-side/target/openapi.json over it (the generated client is built from "
                        + "it) and say what changed for dashboards in the README. Where they differ")
                .isEmpty();
    }

    @Test
    void every_operation_has_an_id_of_its_own_for_generated_clients() {
        JsonNode paths = get("/v3/api-docs", null).json().path("paths");
        List<String> ids = new ArrayList<>();
        paths.forEach(path -> path.forEach(operation -> ids.add(operation.path("operationId").asString())));

        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).as("springdoc's suffix for a "
                + "handler named like another: name it after what it does").doesNotContainPattern("_\\d+$"));
    }

    /** The JSON pointers where two documents differ (20 at most). */
    private static void differences(JsonNode committed, JsonNode served, String pointer, List<String> out) {
        if (out.size() >= 20 || committed.equals(served)) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            Set<String> names = new TreeSet<>(committed.propertyNames());
            names.addAll(served.propertyNames());
            for (String name : names) {
                differences(committed.path(name), served.path(name), pointer + "/" + name, out);
            }
        } else {
            out.add(pointer + ": committed " + abbreviated(committed) + ", served " + abbreviated(served));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.isMissingNode() ? "(absent)" : node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    @Test
    void swagger_ui_is_served() {
        Response ui = get("/swagger-ui/index.html", null);

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
    }
}
