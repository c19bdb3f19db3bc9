package io.progressledger.command;

import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side as an attacker tries it, over real HTTP with the bytes on the wire exactly as written: wrong types,
 * numbers out of range, ids shaped like SQL or like other ids, encoded paths, values that must not come back in the
 * answer, credentials of the wrong kind. Each case names what it tries and what the answer must be: a precise status
 * and problem type, and never the attacker's value echoed. Add a case for every hole found; keep the ones that hold.
 */
class AttackersChecklistTest extends CommandSideTest {

    private static final String ECHO = "EchoedValue7731";
    private static final String JSON = "application/json";

    /** One attempt: what is sent, with which credential ({@code admin}, {@code toolzz}, or none), and what must come. */
    record Attempt(String what, String method, String path, String credential, String contentType, String body,
                   int status, String problemType) {

        @Override
        public String toString() {
            return what;
        }
    }

    static List<Attempt> attempts() {
        String longName = "y".repeat(2000);
        return List.of(
                // Parameters of the admin API: wrong types and ranges answer 400 bad-parameter, the value not echoed.
                new Attempt("a limit that is not a number", "GET", "/api/deliveries?limit=" + ECHO, "admin", null, null,
                        400, "/problems/bad-parameter"),
                new Attempt("a limit past a long", "GET", "/api/deliveries?limit=99999999999999999999", "admin", null,
                        null, 400, "/problems/bad-parameter"),
                new Attempt("a limit of zero", "GET", "/api/deliveries?limit=0", "admin", null, null, 400,
                        "/problems/bad-parameter"),
                new Attempt("an instant that is not one", "GET", "/api/deliveries?from=" + ECHO, "admin", null, null,
                        400, "/problems/bad-parameter"),
                new Attempt("a cursor not made by the API", "GET", "/api/deliveries?cursor=" + ECHO, "admin", null,
                        null, 400, "/problems/bad-parameter"),
                new Attempt("a cursor past a long", "GET", "/api/deliveries?cursor=99999999999999999999999", "admin",
                        null, null, 400, "/problems/bad-parameter"),
                new Attempt("an outcome that does not exist", "GET", "/api/deliveries?outcome=" + ECHO, "admin", null,
                        null, 400, "/problems/bad-parameter"),
                new Attempt("a delivery id shaped like SQL", "GET", "/api/deliveries/1'OR'1'='1", "admin", null, null,
                        404, "/problems/not-found"),
                new Attempt("a retry of a delivery that does not exist", "POST", "/api/deliveries/" + ECHO + "/retry",
                        "admin", null, null, 404, "/problems/not-found"),
                // Erasure: only real learners' ids, a reason that is a short string; anything else is refused
                // before anything is erased or recorded.
                new Attempt("an erasure of an institution that is not a number", "POST",
                        "/api/admin/learners/" + ECHO + "/1/erase", "admin", null, null, 400, "/problems/bad-parameter"),
                new Attempt("an erasure of a user id past a long", "POST",
                        "/api/admin/learners/1/99999999999999999999/erase", "admin", null, null, 400,
                        "/problems/bad-parameter"),
                new Attempt("an erasure of a negative institution (no learner has one)", "POST",
                        "/api/admin/learners/-1/2/erase", "admin", null, null, 400, "/problems/bad-parameter"),
                new Attempt("an erasure of a negative user", "POST", "/api/admin/learners/1/-2/erase", "admin", null,
                        null, 400, "/problems/bad-parameter"),
                new Attempt("an erasure reason that is a number", "POST", "/api/admin/learners/1/3/erase", "admin",
                        JSON, "{\"reason\": 5}", 400, "/problems/bad-parameter"),
                new Attempt("an erasure reason holding NUL", "POST", "/api/admin/learners/1/3/erase", "admin", JSON,
                        "{\"reason\": \"a\\u0000b\"}", 400, "/problems/bad-parameter"),
                new Attempt("an erasure reason holding a line break (log forging)", "POST",
                        "/api/admin/learners/1/3/erase", "admin", JSON, "{\"reason\": \"a\\nINFO forged\"}", 400,
                        "/problems/bad-parameter"),
                new Attempt("an erasure body that is an array", "POST", "/api/admin/learners/1/3/erase", "admin", JSON,
                        "[\"" + ECHO + "\"]", 400, "/problems/bad-parameter"),
                new Attempt("an erasure body that is not JSON", "POST", "/api/admin/learners/1/3/erase", "admin", JSON,
                        ECHO + "{", 400, "/problems/bad-request"),
                // Credentials of the wrong kind, and paths written to slip past them.
                new Attempt("the admin API with a sender's token", "GET", "/api/deliveries", "toolzz", null, null, 401,
                        "/problems/unauthenticated"),
                new Attempt("the admin API with no token", "GET", "/api/deliveries", null, null, null, 401,
                        "/problems/unauthenticated"),
                new Attempt("the admin API through an encoded letter (routed as decoded, so guarded as such)", "GET",
                        "/api/%64eliveries", null, null, null, 401, "/problems/unauthenticated"),
                new Attempt("the admin API through a matrix parameter", "GET", "/api;x=1/deliveries", null, null, null,
                        400, "/problems/ambiguous-uri"),
                new Attempt("an erasure through an encoded slash", "POST", "/api/admin/learners/1%2F2/erase", "admin",
                        null, null, 400, "/problems/ambiguous-uri"),
                new Attempt("a delivery through an encoded slash", "GET", "/api/deliveries/a%2Fb", "admin", null, null,
                        400, "/problems/ambiguous-uri"),
                new Attempt("the metrics with a sender's token", "GET", "/actuator/prometheus", "toolzz", null, null,
                        401, "/problems/unauthenticated"),
                new Attempt("the build information with no token", "GET", "/actuator/info", null, null, null, 401,
                        "/problems/unauthenticated"),
                // Webhooks: wrong methods, sources and media types are answered in the one problem shape, and what
                // the caller wrote (path, header) is not written back.
                new Attempt("a webhook read with GET", "GET", "/webhooks/toolzz", null, null, null, 405,
                        "/problems/method-not-allowed"),
                new Attempt("a webhook source of 2,000 characters", "POST", "/webhooks/" + longName + ECHO, null, JSON,
                        "{}", 404, "/problems/not-found"),
                // An encoded slash or backslash inside a segment: the proxy in front and Spring could split the path
                // differently, so it is refused before routing as every other ambiguous path.
                new Attempt("a webhook source through an encoded slash", "POST", "/webhooks/phoenix%2Fx", "toolzz",
                        JSON, "{}", 400, "/problems/ambiguous-uri"),
                new Attempt("a webhook source through a lower-case encoded slash", "POST", "/webhooks/toolzz%2fx",
                        "toolzz", JSON, "{}", 400, "/problems/ambiguous-uri"),
                new Attempt("a webhook source through an encoded backslash", "POST", "/webhooks/toolzz%5Cx", "toolzz",
                        JSON, "{}", 400, "/problems/ambiguous-uri"),
                new Attempt("a webhook source through a lower-case encoded backslash", "POST", "/webhooks/phoenix%5cx",
                        "toolzz", JSON, "{}", 400, "/problems/ambiguous-uri"),
                new Attempt("a webhook source in capitals", "POST", "/webhooks/TOOLZZ", "toolzz", JSON, "{}", 404,
                        "/problems/not-found"),
                new Attempt("a Content-Type crafted to be echoed", "POST", "/webhooks/toolzz", "toolzz",
                        "text/plain; x=" + ECHO, "{}", 415, "/problems/unsupported-media-type"),
                new Attempt("a JSON Content-Type in another charset", "POST", "/webhooks/toolzz", "toolzz",
                        "application/json; charset=iso-8859-1", "{}", 415, "/problems/unsupported-media-type"),
                // Files: the command side serves none, so no path is looked up on the classpath (each look-up walks
                // every jar) nor served from it, even one placed at static/ on the test classpath.
                new Attempt("a file placed where Spring Boot looks for static files", "GET", "/lookup-probe.txt", null,
                        null, null, 404, "/problems/not-found"),
                new Attempt("a browser's icon", "GET", "/favicon.ico", null, null, null, 404, "/problems/not-found"),
                new Attempt("a scanner's guess", "GET", "/wp-login.php?next=" + ECHO, null, null, null, 404,
                        "/problems/not-found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void every_attempt_gets_a_precise_answer_that_echoes_nothing(Attempt attempt) {
        Map<String, String> headers = new LinkedHashMap<>();
        if ("admin".equals(attempt.credential())) {
            headers.put("Authorization", "Bearer " + ADMIN_TOKEN);
        } else if ("toolzz".equals(attempt.credential())) {
            headers.put("Authorization", "Bearer " + TOOLZZ_TOKEN);
        }
        if (attempt.contentType() != null) {
            headers.put("Content-Type", attempt.contentType());
        }
        byte[] body = attempt.body() == null ? new byte[0] : attempt.body().getBytes(StandardCharsets.UTF_8);
        long events = storedEvents();

        Reply reply = RawHttp.send(attempt.method(), "127.0.0.1", port, attempt.path(), headers, body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(attempt.status());
        assertThat(reply.contentType()).startsWith("application/problem+json");
        if (attempt.problemType() != null) {
            assertThat(reply.json().path("type").asString()).as(reply.text()).isEqualTo(attempt.problemType());
        }
        // `instance` is the request's own path, as RFC 9457 has it; nothing else may carry what the caller wrote.
        String answered = reply.text().replaceAll("\"instance\":\"[^\"]*\"", "");
        assertThat(answered).as("the attacker's value is not echoed").doesNotContain(ECHO);
        assertThat(storedEvents()).as("nothing recorded").isEqualTo(events);
    }
}
