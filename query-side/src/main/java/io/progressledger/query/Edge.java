package io.progressledger.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.progressledger.edge.AmbiguousUris;
import io.progressledger.edge.ClientAborts;
import io.progressledger.edge.ConfiguredKeys;
import io.progressledger.edge.JsonBuffers;
import io.progressledger.edge.RequestDeadline;
import io.progressledger.edge.TomcatRefusals;
import io.progressledger.query.api.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The shared edge (module shared-edge) as the query side runs it: its answers come from the query side's one
 * problem+json factory ({@link Problems}); the keys it holds are read by {@link ConfiguredKeys};
 * what Tomcat refuses itself is answered by {@link TomcatRefusals}; a client that hangs up mid-request is told
 * apart from an incident by {@link ClientAborts}; a request not received within
 * {@code progress.requests.body-read-deadline} is answered 408 by {@link RequestDeadline}.
 */
@Configuration(proxyBeanMethods = false)
@Import({ConfiguredKeys.class, TomcatRefusals.class, RequestDeadline.DeadlineFilter.class, JsonBuffers.class})
class Edge {

    /** Right after the dashboard's security headers (so a refusal carries them too), before everything else. */
    @Bean
    AmbiguousUris ambiguousUris(JsonMapper json) {
        return new AmbiguousUris(json, (status, slug, title, detail) ->
                Problems.problem(status, slug, title, detail, List.of()), Ordered.HIGHEST_PRECEDENCE + 1);
    }

    @Bean
    RequestDeadline requestDeadline(RequestDeadlineProperties properties, JsonMapper json) {
        return new RequestDeadline(properties.bodyReadDeadline(), json, (status, slug, title, detail) ->
                Problems.problem(status, slug, title, detail, List.of()));
    }

    @Bean
    ClientAborts clientAborts(MeterRegistry registry) {
        return new ClientAborts(registry);
    }
}
