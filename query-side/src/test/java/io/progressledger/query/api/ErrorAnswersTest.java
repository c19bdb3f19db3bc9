package io.progressledger.query.api;

import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers outside the document's operations keep the one problem shape too: a route no handler serves, a method a
 * route does not take. (Every documented answer is held to the document by ApiConformanceTest.)
 */
class ErrorAnswersTest extends QuerySideTest {

    @Test
    void an_unknown_route_needs_a_token_like_any_other_and_then_is_not_found() {
        Response anonymous = get("/api/no-such-thing", null);
        Response reader = get("/api/no-such-thing", API_TOKEN);

        assertProblem(anonymous, 401, "/problems/unauthenticated");
        assertProblem(reader, 404, "/problems/not-found");
    }

    /**
     * A path under /api no controller serves is never looked up as a static file (each look-up walks every jar of the
     * application): a file placed at static/api/ on the test classpath is not served.
     */
    @Test
    void an_unknown_api_route_is_not_searched_for_on_the_classpath() {
        Response anonymous = get("/api/lookup-probe.txt", null);
        Response reader = get("/api/lookup-probe.txt", API_TOKEN);

        assertProblem(anonymous, 401, "/problems/unauthenticated");
        assertProblem(reader, 404, "/problems/not-found");
        assertThat(reader.body()).doesNotContain("served only if");
    }

    @Test
    void a_method_a_route_does_not_take_is_refused_with_the_methods_it_takes() {
        Response response = send("DELETE", "/api/projections", ADMIN_TOKEN, Map.of());

        assertProblem(response, 405, "/problems/method-not-allowed");
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("errors").isArray()).isTrue();
    }
}
