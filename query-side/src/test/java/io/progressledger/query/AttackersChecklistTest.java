package io.progressledger.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side as an attacker tries it, over real HTTP: wrong types, numbers out of range, forged cursors, ranges
 * upside down, ids of every length, paths written to slip past the admin check, credentials of the wrong kind. Each
 * case names what it tries and the precise answer it must get, in the one problem shape, the value it sent not written
 * back in a parameter error. Add a case for every hole found; keep the ones that hold.
 */
class AttackersChecklistTest extends QuerySideTest {

    private static final String ECHO = "EchoedValue4417";

    /** One attempt: what is sent, with which token ({@code reader}, {@code admin} or none), and what must come. */
    record Attempt(String what, String method, String path, String token, int status, String problemType,
                   boolean mayEchoPath) {

        @Override
        public String toString() {
            return what;
        }
    }

    static List<Attempt> attempts() {
        return List.of(
                new Attempt("a learner's institution that is not a number", "GET", "/api/learners/" + ECHO + "/1/trails",
                        "reader", 400, "/problems/bad-parameter", false),
                new Attempt("a learner's user past a long", "GET", "/api/learners/1/99999999999999999999/trails",
                        "reader", 400, "/problems/bad-parameter", false),
                new Attempt("an instant that is not one", "GET", "/api/trails/1/completions?from=" + ECHO, "reader",
                        400, "/problems/bad-parameter", false),
                new Attempt("a month 13", "GET", "/api/trails/1/completions?from=2024-13-01T00:00:00Z", "reader", 400,
                        "/problems/bad-parameter", false),
                new Attempt("a limit of zero", "GET", "/api/trails/1/completions?limit=0", "reader", 400,
                        "/problems/bad-parameter", false),
                new Attempt("a limit over the maximum", "GET", "/api/trails/1/completions?limit=100000", "reader", 400,
                        "/problems/bad-parameter", false),
                new Attempt("a limit that is not a number", "GET", "/api/courses?limit=" + ECHO, "reader", 400,
                        "/problems/bad-parameter", false),
                new Attempt("a forged cursor", "GET", "/api/courses?cursor=" + ECHO, "reader", 400,
                        "/problems/bad-parameter", false),
                new Attempt("a cursor of 2,000 characters", "GET", "/api/courses?cursor=" + "A".repeat(2000), "reader",
                        400, "/problems/bad-parameter", false),
                new Attempt("a statistics range upside down", "GET", "/api/stats/daily?from=2024-02-01&to=2024-01-01",
                        "reader", 400, "/problems/bad-parameter", false),
                new Attempt("a statistics range of ten years", "GET", "/api/stats/daily?from=2014-01-01&to=2024-01-01",
                        "reader", 400, "/problems/bad-parameter", false),
                new Attempt("a minPosition past a long", "GET", "/api/talents/t-1?minPosition=99999999999999999999",
                        "reader", 400, "/problems/bad-parameter", false),
                new Attempt("a minPosition of zero", "GET", "/api/talents/t-1?minPosition=0", "reader", 400,
                        "/problems/bad-parameter", false),
                new Attempt("an asOf that is not an instant", "GET", "/api/talents/t-1?asOf=" + ECHO, "reader", 400,
                        "/problems/bad-parameter", false),
                new Attempt("a talent id of 3,000 characters", "GET", "/api/talents/" + "x".repeat(3000), "reader", 404,
                        "/problems/not-found", true),
                new Attempt("a projection name of 300 characters", "GET", "/api/projections/" + "n".repeat(300),
                        "reader", 404, "/problems/not-found", true),
                // The admin routes, with the dashboards' token and through paths written to slip past the check.
                new Attempt("the audit feed with the dashboards' token", "GET", "/api/audit/events", "reader", 401,
                        "/problems/unauthenticated", false),
                new Attempt("the audit feed through an encoded letter", "GET", "/api/%61udit/events", "reader", 401,
                        "/problems/unauthenticated", false),
                new Attempt("the audit feed through a matrix parameter", "GET", "/api;x=1/audit/events", "reader", 400,
                        "/problems/ambiguous-uri", false),
                new Attempt("the export through a dot segment", "GET", "/api/talents/../audit/export", "reader", 400,
                        "/problems/ambiguous-uri", false),
                new Attempt("a rebuild with the dashboards' token", "POST", "/api/admin/projections/overview/replay",
                        "reader", 401, "/problems/unauthenticated", false),
                new Attempt("issuing a token with the dashboards' token", "POST", "/api/admin/tokens", "reader", 401,
                        "/problems/unauthenticated", false),
                new Attempt("a read with no token", "GET", "/api/overview", null, 401, "/problems/unauthenticated",
                        false),
                new Attempt("a read with a token of 5,000 characters", "GET", "/api/overview", "long", 401,
                        "/problems/unauthenticated", false),
                new Attempt("the metrics with the dashboards' token", "GET", "/actuator/prometheus", "reader", 401,
                        "/problems/unauthenticated", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void every_attempt_gets_a_precise_answer(Attempt attempt) {
        String token = switch (attempt.token() == null ? "" : attempt.token()) {
            case "reader" -> API_TOKEN;
            case "admin" -> ADMIN_TOKEN;
            case "long" -> "t".repeat(5000);
            default -> null;
        };

        Response reply = send(attempt.method(), attempt.path(), token, Map.of(), null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(attempt.status());
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"type\":\"" + attempt.problemType() + "\"");
        if (!attempt.mayEchoPath()) {
            assertThat(reply.body().replaceAll("\"instance\":\"[^\"]*\"", ""))
                    .as("the value sent is not written back").doesNotContain(ECHO);
        }
    }
}
