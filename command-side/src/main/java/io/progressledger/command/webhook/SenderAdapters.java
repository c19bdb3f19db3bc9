package io.progressledger.command.webhook;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The senders the ledger knows, each by its adapter: what a body means (a command, a ping, an event not recorded, or
 * a refusal), and whose personal data it holds.
 */
@Component
public class SenderAdapters {

    private final Map<String, WebhookAdapter> bySource;

    public SenderAdapters(List<WebhookAdapter> adapters) {
        this.bySource = adapters.stream().collect(Collectors.toMap(WebhookAdapter::source, Function.identity()));
    }

    public boolean knows(String source) {
        return bySource.containsKey(source);
    }

    /** What the source's adapter makes of an authenticated, well-formed body. */
    public Interpretation interpret(String source, JsonNode body, Receipt receipt) {
        return adapter(source).interpret(body, receipt);
    }

    /** Whose personal data a parsed body holds, as its sender's adapter reads it, even from a body it refuses. */
    public Optional<String> dataSubjectOf(String source, JsonNode body) {
        return adapter(source).dataSubject(body);
    }

    /** Whose personal data raw bytes from {@code source} hold; empty when none, when not JSON, or no such source. */
    public Optional<String> dataSubjectOf(String source, byte[] body) {
        if (!knows(source)) {
            return Optional.empty();
        }
        try {
            return dataSubjectOf(source, StrictJson.parse(body));
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private WebhookAdapter adapter(String source) {
        WebhookAdapter adapter = bySource.get(source);
        if (adapter == null) {
            throw new IllegalArgumentException("no webhook source '" + source + "'");
        }
        return adapter;
    }
}
