package io.progressledger.query.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}): what every endpoint takes
 * and answers, the bearer token it needs, and the conventions every list shares.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI progressLedgerApi() {
        return new OpenAPI()
                .info(new Info().title("Progress Ledger: dashboards' and auditors' API").version("1")
                        .description("""
                                Views of learners' progress built from the event store.

                                * Authentication: `Authorization: Bearer <token>`; reads take the API token \
                                (`progress.api.token`), `/api/audit/**` and `/api/admin/**` the admin token.
                                * Lists answer `{"items": [...], "nextCursor": "..." | null}`; pass \
                                `?cursor=<nextCursor>` for the next page with the same filters, and `?limit=` \
                                (default 50, at most 500).
                                * `?minPosition=N` (the `globalPosition` a webhook answer names) makes a read wait, \
                                up to 2 s, until the view has applied that event; `504` if it has not.
                                * Timestamps are ISO-8601 instants in UTC. Errors are RFC 9457 \
                                `application/problem+json`."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Documents the read-your-writes parameter once, with an example, wherever an endpoint takes it. */
    @Bean
    OperationCustomizer minPositionDocumentation() {
        return (operation, handler) -> {
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    if ("minPosition".equals(parameter.getName())) {
                        parameter.description("wait (up to 2 s) until this view has applied the event at this "
                                + "global position; 504 if it has not").example(17);
                        parameter.schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ONE));
                    }
                    if ("limit".equals(parameter.getName())) {
                        parameter.description("page size, 1 to 500 (default 50)").example(50);
                    }
                    if ("cursor".equals(parameter.getName())) {
                        parameter.description("the nextCursor of the previous page");
                    }
                }
            }
            return operation;
        };
    }
}
