package io.progressledger.query.audit;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.query.QuerySideTest;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The NDJSON export is complete however slowly it is read, and says so in its last line; an export that fails on our
 * side ends with an error line instead of a clean, silent end. Read over a plain socket with a tiny receive buffer, so
 * that the server's writes really wait for the reader. The shared application runs with Spring MVC's async timeout
 * at 1 s ({@link QuerySideTest}): the export must not be subject to it.
 */
class AuditExportTest extends QuerySideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int EVENTS = 2000;
    /** Three times Spring MVC's async timeout in these tests. */
    private static final Duration PAUSE = Duration.ofSeconds(3);

    @Test
    void a_reader_pausing_longer_than_the_async_timeout_still_gets_every_event_and_the_end_line() throws Exception {
        List<Long> positions = appendUnlocks(EVENTS);
        long last = positions.get(positions.size() - 1);

        List<String> lines = new ArrayList<>();
        try (Socket socket = new Socket()) {
            BufferedReader body = export(socket, "/api/audit/export");
            lines.add(body.readLine());
            // The slow reader under test: it stops reading while the server still has most of the export to write.
            Thread.sleep(PAUSE.toMillis());
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                lines.add(line);
            }
        }

        JsonNode trailer = JSON.readTree(lines.get(lines.size() - 1));
        List<JsonNode> events = lines.subList(0, lines.size() - 1).stream().map(JSON::readTree).toList();
        long stored = eventStoreTable().sql("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex <= ?")
                .param(trailer.path("lastPosition").asLong()).query(Long.class).single();
        assertThat(trailer.path("type").asString()).as(trailer.toString()).isEqualTo("end");
        assertThat(trailer.path("lastPosition").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(trailer.path("lines").asLong()).isEqualTo(events.size()).isEqualTo(stored);
        assertThat(events).extracting(event -> event.path("globalPosition").asLong()).isSorted().doesNotHaveDuplicates()
                .containsAll(positions);
    }

    @Test
    void an_export_that_fails_on_our_side_ends_with_an_error_line_naming_where_to_resume() throws Exception {
        List<Long> positions = appendUnlocks(3);
        long broken = positions.get(1);
        awaitViewsPast(broken);
        byte[] original = eventStoreTable().sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?")
                .param(broken).query(byte[].class).single();
        List<String> lines = new ArrayList<>();
        eventStoreTable().sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                .params("not json".getBytes(StandardCharsets.UTF_8), broken).update();
        try (Socket socket = new Socket()) {
            BufferedReader body = export(socket, "/api/audit/export?after=" + (positions.get(0) - 1));
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                lines.add(line);
            }
        } finally {
            eventStoreTable().sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params(original, broken).update();
        }

        JsonNode trailer = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(trailer.path("type").asString()).as(trailer.toString()).isEqualTo("error");
        assertThat(trailer.path("lines").asLong()).isEqualTo(lines.size() - 1);
        assertThat(trailer.path("lastPosition").asLong()).isLessThan(broken);
        assertThat(trailer.path("message").asString()).contains("?after=" + trailer.path("lastPosition").asLong());
        lines.subList(0, lines.size() - 1).forEach(line -> assertThat(JSON.readTree(line).path("globalPosition")
                .asLong()).isLessThan(broken));
    }

    /** Sends the export request over HTTP/1.0 (no chunking: the body is the lines) and skips the headers. */
    private BufferedReader export(Socket socket, String path) throws IOException {
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout(60_000);
        socket.connect(new InetSocketAddress("localhost", port));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_TOKEN
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String status = in.readLine();
        assertThat(status).startsWith("HTTP/1.1 200");
        List<String> headers = new ArrayList<>();
        for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
            headers.add(header.toLowerCase());
        }
        assertThat(headers).contains("content-type: application/x-ndjson");
        return in;
    }

    /** Appends {@code count} unlocks of a new talent in one batch; their global positions, in order. */
    private List<Long> appendUnlocks(int count) {
        String talent = "export-" + UUID.randomUUID();
        Instant at = Instant.parse("2024-02-01T00:00:00Z");
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new GenericDomainEventMessage<>("Talent", talent, i, new TalentBlockUnlocked(talent, "user",
                    "block-" + i, "b" + i, "program", "phase", i, BlockStatus.NOT_STARTED, List.of(), at, at,
                    provenance("phoenix")), MetaData.with("deliveryId", "export-" + i)));
        }
        eventStore.publish(events);
        return eventStoreTable().sql("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY globalIndex").param(talent).query(Long.class).list();
    }

    /** Every view has applied the event at {@code position}: changing it now cannot disturb them. */
    private void awaitViewsPast(long position) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("/api/projections").json().path("items")
                .forEach(view -> assertThat(view.path("position").asLong()).as(view.toString())
                        .isGreaterThanOrEqualTo(position)));
    }
}
