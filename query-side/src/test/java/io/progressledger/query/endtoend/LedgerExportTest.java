package io.progressledger.query.endtoend;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./ledger export} trusts an export only when it ends with the server's end line counting the lines received:
 * run against a server that answers as the query side does when an export completes, fails, or is cut.
 */
class LedgerExportTest {

    private static final Path LEDGER = Path.of("..", "ledger").toAbsolutePath().normalize();
    private static final String EVENT_1 = "{\"globalPosition\":1,\"type\":\"TalentBlockUnlocked\"}";
    private static final String EVENT_2 = "{\"globalPosition\":2,\"type\":\"TrailCompleted\"}";

    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_complete_export_exits_zero_with_only_the_events_on_stdout() throws Exception {
        Result result = export(EVENT_1 + "\n" + EVENT_2 + "\n{\"type\":\"end\",\"lines\":2,\"lastPosition\":2}\n");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(EVENT_1 + "\n" + EVENT_2 + "\n");
        assertThat(result.err()).contains("export complete");
    }

    @Test
    void a_stream_cut_without_its_end_line_exits_non_zero() throws Exception {
        Result result = export(EVENT_1 + "\n" + EVENT_2 + "\n");

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.out()).isEqualTo(EVENT_1 + "\n" + EVENT_2 + "\n");
        assertThat(result.err()).contains("export incomplete: the stream ended without its end line");
    }

    @Test
    void an_export_that_failed_on_the_server_exits_non_zero_with_its_error_line() throws Exception {
        String error = "{\"type\":\"error\",\"lines\":1,\"lastPosition\":1,\"message\":\"resume with ?after=1\"}";
        Result result = export(EVENT_1 + "\n" + error + "\n");

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.err()).contains("export failed: " + error);
    }

    @Test
    void an_end_line_counting_other_lines_than_received_exits_non_zero() throws Exception {
        Result result = export(EVENT_1 + "\n{\"type\":\"end\",\"lines\":2,\"lastPosition\":2}\n");

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.err()).contains("received 1 events, the server wrote 2");
    }

    @Test
    void an_empty_answer_is_not_a_complete_export() throws Exception {
        Result result = export("");

        assertThat(result.exit()).isEqualTo(4);
    }

    private record Result(int exit, String out, String err) {
    }

    /** Serves {@code body} as the export (200, NDJSON, then the connection closes) and runs ./ledger export. */
    private Result export(String body) throws Exception {
        List<String> asked = new ArrayList<>();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/audit/export", exchange -> {
            asked.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the command line went away
            }
        });
        server.start();
        ProcessBuilder builder = new ProcessBuilder(LEDGER.toString(), "export", "--after", "0");
        builder.environment().put("LEDGER_QUERY_URL", "http://127.0.0.1:" + server.getAddress().getPort());
        builder.environment().put("LEDGER_ADMIN_TOKEN", "admin-token");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(asked).containsExactly("/api/audit/export?after=0 Bearer admin-token");
        return new Result(process.exitValue(), out, err);
    }
}
