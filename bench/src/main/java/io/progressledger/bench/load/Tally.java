package io.progressledger.bench.load;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every answer of the run, checked against what the delivery expected: the basis of the exactly-once check. An
 * accepted delivery must name exactly its fact's event (type, aggregate, sequence number); its global position is
 * kept, so that the audit can find each one in the store. The aggregate's id is judged in the shape the build under
 * test uses ({@link IdShape}), learnt from the first accepted answer that names its fact's aggregate in a known shape
 * and then held: an answer in the other shape later is unexpected, like any other wrong id.
 */
public final class Tally {

    private final Catalog catalog;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong duplicatesSent = new AtomicLong();
    private final AtomicLong invalidSent = new AtomicLong();
    private final AtomicLong eventsAnswered = new AtomicLong();
    private final Map<String, AtomicLong> unexpected = new ConcurrentHashMap<>();
    private final Map<String, String> unexpectedExamples = new ConcurrentHashMap<>();
    private final BitSet positions = new BitSet();
    private final Map<String, List<Recorded>> samples = new ConcurrentHashMap<>();
    private final AtomicReference<IdShape> idShape = new AtomicReference<>();

    /** An accepted delivery's fact, where it was stored and its delivery id: for the shape check and the same-rows baseline. */
    public record Recorded(Fact fact, long globalPosition, String deliveryId) {
    }

    public Tally(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Counts the answer and tells the world what became of the fact. */
    public World.Outcome record(Delivery delivery, Answer answer) {
        sent.incrementAndGet();
        switch (delivery.expect()) {
            case DUPLICATE -> duplicatesSent.incrementAndGet();
            case REJECTED -> invalidSent.incrementAndGet();
            default -> {
            }
        }
        if (answer.accepted()) {
            accepted.incrementAndGet();
            eventsAnswered.addAndGet(answer.events());
            if (answer.globalPosition() > 0) {
                synchronized (positions) {
                    positions.set(Math.toIntExact(answer.globalPosition()));
                }
            }
        } else if (answer.duplicate()) {
            duplicates.incrementAndGet();
        } else if (answer.rejected()) {
            rejected.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
        return judge(delivery, answer);
    }

    private World.Outcome judge(Delivery delivery, Answer answer) {
        Fact fact = delivery.fact();
        switch (delivery.expect()) {
            case ACCEPTED -> {
                if (answer.accepted() && answer.events() == 1 && fact.eventType().equals(answer.eventType())
                        && namesItsAggregate(fact, answer.aggregateId())
                        && fact.sequenceNumber() == answer.sequenceNumber()) {
                    sample(fact, answer.globalPosition(), answer.deliveryId());
                    return World.Outcome.RECORDED;
                }
                unexpected(delivery, answer);
                return answer.rejected() || answer.duplicate() ? World.Outcome.NOT_RECORDED : World.Outcome.UNKNOWN;
            }
            case DUPLICATE -> {
                if (!answer.duplicate()) {
                    unexpected(delivery, answer);
                }
                return World.Outcome.NOT_RECORDED;
            }
            default -> {
                if (answer.rejected()) {
                    return World.Outcome.NOT_RECORDED;
                }
                unexpected(delivery, answer);
                return answer.accepted() ? World.Outcome.UNKNOWN : World.Outcome.NOT_RECORDED;
            }
        }
    }

    /** Whether {@code aggregateId} is the fact's aggregate in the run's shape, learning the shape on first sight. */
    private boolean namesItsAggregate(Fact fact, String aggregateId) {
        Optional<IdShape> seen = IdShape.of(fact, catalog, aggregateId);
        if (seen.isEmpty()) {
            return false;
        }
        idShape.compareAndSet(null, seen.get());
        return idShape.get() == seen.get();
    }

    /** The shape of the build's aggregate ids, once an accepted answer showed it. */
    public Optional<IdShape> idShape() {
        return Optional.ofNullable(idShape.get());
    }

    private void unexpected(Delivery delivery, Answer answer) {
        String key = delivery.kind() + " (expected " + delivery.expect().name().toLowerCase() + ") got "
                + answer.label();
        unexpected.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        unexpectedExamples.putIfAbsent(key, String.valueOf(answer));
    }

    private void sample(Fact fact, long position, String deliveryId) {
        List<Recorded> list = samples.computeIfAbsent(fact.eventType(), type -> new ArrayList<>());
        synchronized (list) {
            if (list.size() < 20) {
                list.add(new Recorded(fact, position, deliveryId));
            }
        }
    }

    public long sent() {
        return sent.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long failed() {
        return failed.get();
    }

    public long duplicatesSent() {
        return duplicatesSent.get();
    }

    public long invalidSent() {
        return invalidSent.get();
    }

    public long eventsAnswered() {
        return eventsAnswered.get();
    }

    public long unexpectedTotal() {
        return unexpected.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public Map<String, Long> unexpected() {
        Map<String, Long> copy = new TreeMap<>();
        unexpected.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }

    public Map<String, String> unexpectedExamples() {
        return new TreeMap<>(unexpectedExamples);
    }

    public BitSet positions() {
        synchronized (positions) {
            return (BitSet) positions.clone();
        }
    }

    public Map<String, List<Recorded>> samples() {
        Map<String, List<Recorded>> copy = new LinkedHashMap<>();
        samples.forEach((type, list) -> {
            synchronized (list) {
                copy.put(type, List.copyOf(list));
            }
        });
        return copy;
    }
}
