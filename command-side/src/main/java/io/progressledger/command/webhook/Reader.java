package io.progressledger.command.webhook;

import org.springframework.stereotype.Component;

/**
 * What a call is, before anything is stored: the {@link Gate} lets it through or refuses it, then its sender's
 * adapter interprets it as a command to apply, a ping, an event the ledger does not record, or a refusal. Pure, so
 * that every way a call can be refused is testable without a server or a database.
 */
@Component
public class Reader {

    private final Gate gate;
    private final SenderAdapters adapters;

    public Reader(Gate gate, SenderAdapters adapters) {
        this.gate = gate;
        this.adapters = adapters;
    }

    /** What a call turned out to be. */
    public sealed interface Read {

        Reading reading();
    }

    /** Answered without applying anything: a refusal, a ping, an event type not recorded. */
    public record Answered(Reading reading, Verdict verdict) implements Read {
    }

    /** A command to apply to its aggregate. */
    public record ToApply(Reading reading, Interpretation.Command command) implements Read {
    }

    /** The adapter failed on this body: a defect of ours, not the sender's. */
    public record Broken(Reading reading, RuntimeException failure) implements Read {
    }

    public Read read(Arrival arrival) {
        Gate.Passage passage = gate.check(arrival.call(), arrival.preAuthenticated());
        if (passage instanceof Gate.Closed closed) {
            return new Answered(closed.reading(), closed.verdict());
        }
        Gate.Open open = (Gate.Open) passage;
        Interpretation interpretation;
        try {
            interpretation = adapters.interpret(arrival.source(), open.body(), arrival.receipt());
        } catch (RuntimeException failure) {
            return new Broken(open.reading(), failure);
        }
        Reading reading = open.reading().ofType(interpretation.eventType());
        if (interpretation instanceof Interpretation.Invalid invalid) {
            return new Answered(reading, new Verdict.Refused(invalid.problem(), invalid.detail(), invalid.errors()));
        }
        if (interpretation instanceof Interpretation.Ping) {
            return new Answered(reading, Verdict.Ignored.ping());
        }
        if (interpretation instanceof Interpretation.Unsupported unsupported) {
            return new Answered(reading.identified(unsupported.senderEventId(), null),
                    Verdict.Ignored.unsupported(unsupported.eventType()));
        }
        return new ToApply(reading, (Interpretation.Command) interpretation);
    }
}
