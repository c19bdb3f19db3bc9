package io.progressledger.query.access;

import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health stays open for load balancers and orchestrators; the metrics, the build information and the index of the
 * operations endpoints need the admin token (the dashboards' token is not enough).
 */
class OperationsAccessTest extends QuerySideTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/info", "/actuator"})
    void metrics_and_build_information_need_the_admin_token(String path) {
        for (String token : Arrays.asList(null, API_TOKEN, "not-" + ADMIN_TOKEN)) {
            Response reply = get(path, token);
            assertThat(reply.status()).as(path + " with " + token).isEqualTo(401);
            assertThat(reply.body()).doesNotContain("jvm_", "\"git\"");
        }
        assertThat(get(path, ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).status()).isIn(200, 503);
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }
}
