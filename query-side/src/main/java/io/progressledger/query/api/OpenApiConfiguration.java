package io.progressledger.query.api;

import org.springdoc.core.utils.SpringDocUtils;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document ({@code /v3/api-docs}), the contract of the query API, and Swagger UI
 * ({@code /swagger-ui.html}). springdoc derives it from the controllers and the records they answer with
 * ({@link RecordSchemas} says which fields are always there and which may be null); this adds what springdoc cannot
 * see: every error an operation can answer, with the one {@link Problem} schema, and which token it needs.
 * <ul>
 *     <li>400 wherever a parameter can be refused (a typed or bounded one, or a handler that declares
 *     {@link BadRequest});</li>
 *     <li>401 everywhere (no token, or a token that does not open the route);</li>
 *     <li>the statuses of the exceptions a handler declares ({@code throws NotFound, Conflict}), from their
 *     {@link ResponseStatus};</li>
 *     <li>504 wherever {@code minPosition} is taken; 500 everywhere.</li>
 * </ul>
 * The conformance test ({@code ApiConformanceTest}) holds every real answer to this document.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";
    private static final String API_TOKEN = "apiToken";
    private static final String ADMIN_TOKEN = "adminToken";
    private static final String ISSUED_TOKEN = "issuedToken";

    static {
        // The caller's scope is given to handlers by the access rules, never taken from the request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ReadScope.class);
    }

    @Bean
    OpenAPI progressLedgerApi() {
        return new OpenAPI()
                .info(new Info().title("Progress Ledger: dashboards' and auditors' API").version("1")
                        .description("""
                                Views of learners' progress built from the event store, and the event store itself \
                                for auditors.

                                * Authentication: `Authorization: Bearer <token>`. Dashboards' reads take the API \
                                token (`progress.api.token`) or the admin token; `/api/audit/**`, `/api/admin/**` \
                                and every POST take the admin token (`progress.admin.token`). Tokens issued by \
                                admins (`POST /api/admin/tokens`) read too, within their scope (institutions, \
                                programs): an id outside the scope answers 404 exactly as an unknown one; a total \
                                the scope cannot be applied to answers 403 (`/problems/out-of-scope`).
                                * Lists answer `{"items": [...], "nextCursor": "..." | null}`: pass \
                                `?cursor=<nextCursor>` with the same filters for the next page; `limit` sets the \
                                page size within the bounds each operation states.
                                * `?minPosition=N` (the `globalPosition` a webhook answer names) makes a read wait, \
                                up to `progress.read-your-writes.timeout` (2 s), until its view has applied that \
                                event; `504` if it has not. At most `progress.read-your-writes.max-waiting` (64) \
                                reads wait at once on a node: one more is answered `503` at once, with `Retry-After`.
                                * Timestamps are ISO-8601 instants in UTC. Every error is `application/problem+json` \
                                (RFC 9457) with the `Problem` schema; `errors[].parameter` names what is at fault."""))
                // Relative: the document is the same wherever it is served (and as committed in the repository).
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(API_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("the dashboards' token, progress.api.token"))
                        .addSecuritySchemes(ADMIN_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("the admin token, progress.admin.token"))
                        .addSecuritySchemes(ISSUED_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("a token issued by an admin (POST /api/admin/tokens), "
                                        + "for all data or scoped to institutions and programs; read-only")));
    }

    /** The Problem schema (and ProblemError), resolved like every other record of the API. */
    @Bean
    OpenApiCustomizer problemSchema() {
        return openApi -> ModelConverters.getInstance(true).readAll(new AnnotatedType(Problem.class))
                .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
    }

    /** Sorted paths and schemas: the document reads (and diffs) the same from one build to the next. */
    @Bean
    OpenApiCustomizer stableOrder() {
        return openApi -> {
            openApi.setPaths(sorted(openApi.getPaths()));
            if (openApi.getTags() != null) {
                openApi.setTags(openApi.getTags().stream()
                        .sorted(java.util.Comparator.comparing(io.swagger.v3.oas.models.tags.Tag::getName)).toList());
            }
            openApi.getComponents().setSchemas(new TreeMap<>(openApi.getComponents().getSchemas()));
        };
    }

    private static io.swagger.v3.oas.models.Paths sorted(io.swagger.v3.oas.models.Paths paths) {
        io.swagger.v3.oas.models.Paths sorted = new io.swagger.v3.oas.models.Paths();
        new TreeMap<>(paths).forEach(sorted::addPathItem);
        return sorted;
    }

    /** Every status an operation can answer, beyond its success, and the token it needs. */
    @Bean
    OperationCustomizer errorsAndAccess() {
        return (operation, handler) -> {
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                    RequestMapping.class);
            String method = mapping == null || mapping.method().length == 0 ? "GET" : mapping.method()[0].name();
            boolean admin = AdminRoutes.adminOnly(handler, method);
            describeParameters(operation);
            operation.setSecurity(admin ? List.of(new SecurityRequirement().addList(ADMIN_TOKEN))
                    : List.of(new SecurityRequirement().addList(API_TOKEN),
                    new SecurityRequirement().addList(ISSUED_TOKEN), new SecurityRequirement().addList(ADMIN_TOKEN)));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            if (refusesParameters(operation, handler)) {
                responses.addApiResponse("400", problem("a parameter is malformed or out of bounds: `errors` names "
                        + "it (`/problems/bad-parameter`)"));
            }
            responses.addApiResponse("401", problem(admin
                    ? "no token, or not the admin token (`/problems/unauthenticated`)"
                    : "no token, or not the API token, the admin token or an issued token neither expired nor "
                    + "revoked (`/problems/unauthenticated`)"));
            for (Class<?> declared : handler.getMethod().getExceptionTypes()) {
                ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(declared, ResponseStatus.class);
                if (status != null && status.code().value() != 400) {
                    ApiResponse answer = problem(DECLARED.getOrDefault(declared.getSimpleName(),
                            status.code().getReasonPhrase()));
                    if (declared == TooManyRequests.class || declared == Overloaded.class) {
                        withRetryAfter(answer);
                    }
                    responses.addApiResponse(Integer.toString(status.code().value()), answer);
                }
            }
            if (takes(operation, "minPosition")) {
                responses.addApiResponse("504", problem("the view has not applied `minPosition` within "
                        + "`progress.read-your-writes.timeout` (`/problems/views-behind`, with `minPosition` and "
                        + "`processedPosition`): retry"));
                responses.addApiResponse("503", overloaded("as many reads as may wait for their views already "
                        + "wait on this node (`progress.read-your-writes.max-waiting`; `/problems/overloaded`): "
                        + "retry after `Retry-After` seconds, or read without `minPosition`"));
            }
            responses.addApiResponse("500", problem("failed on our side (`/problems/internal`): retry later"));
            operation.setResponses(responses);
            return operation;
        };
    }

    private static ApiResponse overloaded(String description) {
        return withRetryAfter(problem(description));
    }

    private static ApiResponse withRetryAfter(ApiResponse answer) {
        return answer.addHeaderObject("Retry-After", new io.swagger.v3.oas.models.headers.Header()
                .description("seconds to wait before trying again").required(true)
                .schema(new Schema<>().types(java.util.Set.of("integer")).minimum(java.math.BigDecimal.ONE)));
    }

    private static final Map<String, String> DECLARED = Map.of(
            "OutOfScope", "a scoped token asked for what its scope cannot be applied to: a total over every "
                    + "institution, or a filter outside its scope (`/problems/out-of-scope`); ids outside the scope "
                    + "are answered 404, as unknown ones",
            "NotFound", "unknown to the views, or outside the token's scope (`/problems/not-found`)",
            "Conflict", "conflicts with what is under way (`/problems/conflict`)",
            "Unavailable", "not offered by this deployment, whose events are in Axon Server (`/problems/unavailable`)",
            "TooManyRequests", "this token holds as many as it may (`/problems/too-many-requests`): retry after "
                    + "`Retry-After` seconds",
            "Overloaded", "this node holds as many as it may, whoever asks (`/problems/overloaded`): retry after "
                    + "`Retry-After` seconds, or on another node");

    private static void describeParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            switch (parameter.getName()) {
                case "minPosition" -> parameter.description("wait (up to `progress.read-your-writes.timeout`, 2 s) "
                        + "until this view has applied the event at this global position; 504 if it has not, 503 "
                        + "at once if as many reads as may wait already do")
                        .example(17);
                case "limit" -> parameter.description(parameter.getDescription() != null ? parameter.getDescription()
                        : "page size");
                case "cursor" -> parameter.description(parameter.getDescription() != null
                        ? parameter.getDescription() : "the `nextCursor` of the previous page");
                default -> {
                }
            }
        }
    }

    /** A parameter that can be refused: typed (not free text) or bounded; or a handler that refuses some itself. */
    private static boolean refusesParameters(Operation operation, HandlerMethod handler) {
        for (Class<?> declared : handler.getMethod().getExceptionTypes()) {
            if (BadRequest.class.isAssignableFrom(declared)) {
                return true;
            }
        }
        if (operation.getParameters() == null) {
            return false;
        }
        return operation.getParameters().stream().map(Parameter::getSchema).anyMatch(schema -> schema != null
                && (!isString(schema) || schema.getFormat() != null || schema.getEnum() != null
                || schema.getMinimum() != null || schema.getMaximum() != null || schema.getPattern() != null
                || schema.getMinLength() != null || schema.getMaxLength() != null));
    }

    private static boolean isString(Schema<?> schema) {
        return "string".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().equals(
                java.util.Set.of("string")));
    }

    private static boolean takes(Operation operation, String parameter) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> parameter.equals(p.getName()));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
