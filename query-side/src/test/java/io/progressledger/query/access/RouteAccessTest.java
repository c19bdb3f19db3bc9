package io.progressledger.query.access;

import io.progressledger.query.QuerySideTest;
import io.progressledger.query.api.AdminRoutes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call a route is decided on the handler Spring dispatches to, never on how its path is spelled: every
 * spelling Spring routes to an admin handler needs the admin token, and a path that could be read two ways is refused
 * before routing, whatever the token.
 */
class RouteAccessTest extends QuerySideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    /** Spellings Spring decodes to an admin route: the dashboards' token is refused, the admin token served. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/api/%61udit/events",
            "/api/%61udit/export",
            "/api/%61udit/verify",
            "/api/audit/%76erify",
            "/%61pi/audit/verify",
            "/api/%61dmin/actions",
            "/api/%61dmin/projections/talent-progress/dead-letters",
            "/api/admin/projections/talent%2Dprogress/dead-letters"})
    void every_spelling_of_an_admin_route_needs_the_admin_token(String path) {
        Response dashboard = get(path, API_TOKEN);
        Response admin = get(path, ADMIN_TOKEN);

        assertThat(dashboard.status()).as(path + " with the dashboards' token: " + dashboard.body()).isEqualTo(401);
        assertThat(dashboard.json().path("type").asString()).isEqualTo("/problems/unauthenticated");
        assertThat(admin.status()).as(path + " with the admin token (routed to the admin handler)").isEqualTo(200);
    }

    /** Paths a proxy, a log or a rule could read otherwise than Spring: 400 before routing, even for the admin. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/api;x=1/audit/events",
            "/api/audit;x=1/events",
            "/api/%3Baudit/events",
            "/api/talents/x/../../audit/events",
            "/api/%2e%2e/api/audit/events",
            "/api/%2E/audit/events",
            "/api/%2561udit/events",
            "/api//audit/events",
            "/api/audit%2Fevents",
            "/api/audit%2fevents",
            "/api/audit%5Cevents",
            "/api/audit%5cevents"})
    void an_ambiguous_path_is_refused_before_routing(String path) {
        for (String token : new String[]{API_TOKEN, ADMIN_TOKEN}) {
            RawAnswer answer = raw("GET", path, token);

            assertThat(answer.status()).as(path + " answered " + answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("type").asString()).isEqualTo("/problems/ambiguous-uri");
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(answer.body()).doesNotContain("audit");
        }
    }

    /**
     * Paths Tomcat itself refuses before the application sees them (a raw backslash, NUL): 400 problem+json all the
     * same, and nothing of the route behind them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/audit\\events", "/api/audit/events%00"})
    void a_path_the_server_cannot_decode_safely_is_refused_before_the_application(String path) {
        RawAnswer answer = raw("GET", path, ADMIN_TOKEN);

        assertThat(answer.status()).as(path + " answered " + answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asString()).isEqualTo("/problems/bad-request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("globalPosition").doesNotContain("audit");
    }

    @Test
    void plain_paths_are_still_served() {
        assertThat(get("/api/projections", API_TOKEN).status()).isEqualTo(200);
        assertThat(get("/api/audit/verify", ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(get("/api/audit/verify", API_TOKEN).status()).isEqualTo(401);
    }

    /** The audit trail and administration, whatever handler serves them, are marked admin-only on the handler. */
    @Test
    void every_handler_under_audit_or_admin_is_admin_only() {
        List<String> open = new ArrayList<>();
        List<String> adminRoutes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlers.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/audit") || pattern.startsWith("/api/admin")) {
                    adminRoutes.add(pattern);
                    if (!AdminRoutes.adminOnly(entry.getValue(), "GET")) {
                        open.add(pattern);
                    }
                }
            }
        }
        assertThat(adminRoutes).as("the admin routes found").hasSizeGreaterThanOrEqualTo(9);
        assertThat(open).as("handlers under /api/audit or /api/admin without @AdminOnly").isEmpty();
    }

    private record RawAnswer(int status, String contentType, String body) {
    }

    /** HTTP/1.1 by hand: the path goes on the wire exactly as written (the JDK's client would refuse or fix some). */
    private RawAnswer raw(String method, String path, String token) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            String request = method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\nAuthorization: Bearer " + token + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, end).split("\r\n");
            String contentType = "";
            boolean chunked = false;
            for (String line : head) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring(13).strip();
                }
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            }
            String body = text.substring(end + 4);
            return new RawAnswer(Integer.parseInt(head[0].split(" ")[1]), contentType,
                    chunked ? dechunk(body) : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
