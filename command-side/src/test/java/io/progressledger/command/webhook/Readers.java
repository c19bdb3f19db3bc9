package io.progressledger.command.webhook;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.DevelopmentMode;
import io.progressledger.command.phoenix.PhoenixAdapter;
import io.progressledger.command.toolzz.ToolzzAdapter;
import io.progressledger.command.toolzz.ToolzzProperties;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure front of the pipeline as the application wires it (the credentials of {@link CommandSideTest}, the real
 * adapters), without Spring, a server or a database: a call in, what it is out.
 */
final class Readers {

    static final int MAX_BODY_SIZE = 256 * 1024;
    static final IngestionProperties PROPERTIES = new IngestionProperties(DataSize.ofBytes(MAX_BODY_SIZE),
            Duration.ofSeconds(5), 30, 600, 64, Duration.ofSeconds(2), 50);
    static final SenderAdapters ADAPTERS = new SenderAdapters(List.of(new PhoenixAdapter(),
            new ToolzzAdapter(new ToolzzProperties(ZoneId.of("America/Sao_Paulo")))));
    static final Reader READER = new Reader(new Gate(new Authenticator(new WebhookCredentials(Map.of(
            "phoenix", new WebhookCredentials.Source(null, CommandSideTest.PHOENIX_TOKEN),
            "toolzz", new WebhookCredentials.Source(CommandSideTest.TOOLZZ_SECRET + ","
                    + CommandSideTest.TOOLZZ_OLD_SECRET, CommandSideTest.TOOLZZ_TOKEN))),
            new DevelopmentMode(false)), PROPERTIES), ADAPTERS);

    private Readers() {
    }

    /** Reads a call as the controller hands it over: the body cut at the limit, headers as received. */
    static Reader.Read read(String source, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> received = new LinkedHashMap<>();
        headers.forEach((name, value) -> received.put(name, List.of(value)));
        boolean oversized = body.length > MAX_BODY_SIZE;
        IncomingCall call = new IncomingCall(source, received,
                oversized ? Arrays.copyOf(body, MAX_BODY_SIZE) : body, oversized, "127.0.0.1");
        return READER.read(Arrival.of(call, Clock.systemUTC()));
    }

    /** The answer the sender would get for what was read (a command to apply is not answered here). */
    static Answer answer(Reader.Read read) {
        if (!(read instanceof Reader.Answered answered)) {
            throw new AssertionError("expected an answer without applying anything, got " + read);
        }
        return new Answers(PROPERTIES.retryAfter()).of("test-delivery", answered.verdict());
    }
}
