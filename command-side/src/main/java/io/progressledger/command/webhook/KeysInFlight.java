package io.progressledger.command.webhook;

import io.progressledger.command.eventstore.RecordedEvent;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The idempotency keys being settled in this node right now. A copy of a delivery that arrives while the first copy
 * of its key is still in flight waits for the first's outcome and is answered from it, without touching the
 * aggregate or racing the first for the key: a retry storm of one delivery costs one command and a delivery-log row
 * per copy. When the first copy settled nothing (refused, failed), the next copy takes its own turn. Copies on other
 * nodes meet at the database's unique key instead. Bounded: one entry per delivery in flight, removed when it ends.
 */
@Component
class KeysInFlight {

    /** The delivery that owns a key, and the events it recorded: what its repeats are answered with. */
    record Owner(String deliveryId, List<RecordedEvent> events) {
    }

    private final ConcurrentHashMap<String, CompletableFuture<Optional<?>>> firsts = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * Settles the delivery with {@code settle} if it is the first in flight with its key; otherwise waits (within the
     * turn) for the first's outcome and settles it with {@code follow}.
     *
     * @param outcomeOf what a settlement tells the copies waiting for it, if it settled the key; empty sends the
     *                  next copy to settle on its own. Keys of different kinds of outcome must not overlap.
     */
    @SuppressWarnings("unchecked")
    <T, O> T settle(String key, Turn turn, Supplier<T> settle, Function<T, Optional<O>> outcomeOf,
                    Function<O, T> follow) {
        while (true) {
            CompletableFuture<Optional<?>> mine = new CompletableFuture<>();
            CompletableFuture<Optional<?>> first = firsts.putIfAbsent(key, mine);
            if (first == null) {
                Optional<O> outcome = Optional.empty();
                try {
                    T settled = settle.get();
                    outcome = outcomeOf.apply(settled);
                    return settled;
                } finally {
                    firsts.remove(key, mine);
                    mine.complete(outcome);
                }
            }
            Optional<O> outcome = (Optional<O>) await(first, turn);
            if (outcome.isPresent()) {
                return follow.apply(outcome.get());
            }
        }
    }

    private Optional<?> await(CompletableFuture<Optional<?>> first, Turn turn) {
        waiting.incrementAndGet();
        try {
            return first.get(turn.remaining(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException tooLong) {
            throw new Overloaded("first-copy");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Overloaded("first-copy");
        } catch (ExecutionException impossible) {
            // Futures here are only ever completed normally.
            throw new IllegalStateException(impossible.getCause());
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** How many copies are waiting for the first copy of their key. */
    int waiting() {
        return waiting.get();
    }

    /** How many keys are in flight (a gauge). */
    int size() {
        return firsts.size();
    }
}
