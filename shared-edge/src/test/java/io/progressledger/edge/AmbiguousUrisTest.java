package io.progressledger.edge;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter on its own (no application): a path that could be read two ways is answered 400 with the body the side's
 * factory makes, before anything behind it runs; a plain path goes on untouched.
 */
class AmbiguousUrisTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ProblemFactory PROBLEMS = (status, slug, title, detail) ->
            Map.of("type", "/problems/" + slug, "title", title, "status", status.value(), "detail", detail);

    private final AmbiguousUris filter = new AmbiguousUris(JSON, PROBLEMS, 42);

    @ParameterizedTest
    @ValueSource(strings = {"/webhooks/phoenix%2Fx", "/webhooks/phoenix%2fx", "/webhooks/toolzz%5Cx",
            "/webhooks/toolzz%5cx", "/api/%2e%2e/deliveries", "/api/%2E/deliveries", "/api/%2564eliveries",
            "/api;x=1/deliveries", "/api/x/../deliveries", "//api/deliveries", "/api/deliveries%00"})
    void an_ambiguous_path_is_answered_by_the_sides_factory_and_goes_no_further(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("nothing behind the filter ran").isNull();
        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.path("type").asString()).isEqualTo("/problems/ambiguous-uri");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(response.getContentAsString()).as("the path is not echoed").doesNotContain("webhooks", "deliveries");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/webhooks/phoenix", "/api/deliveries/some-delivery/retry", "/api/%64eliveries"})
    void a_plain_path_goes_on_as_it_came(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(response.getContentAsString()).isEmpty();
    }

    @Test
    void tomcat_passes_encoded_slashes_and_backslashes_through_to_it() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        filter.customize(factory);
        Connector connector = new Connector();
        factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(connector));

        assertThat(connector.getEncodedSolidusHandling()).isEqualTo("passthrough");
        assertThat(connector.getEncodedReverseSolidusHandling()).isEqualTo("passthrough");
    }

    @Test
    void it_runs_at_the_order_its_side_gave() {
        assertThat(filter.getOrder()).isEqualTo(42);
    }
}
