package io.progressledger.query.projection;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The waiting behind {@code ?minPosition=}, without Spring: waiters are released by the processor's notification (not
 * by a poll), the token table is read once per refresh interval for all waiters of a processor (not once per waiter),
 * the bound refuses at once, and the timeout ends a wait.
 */
class ProgressWaitsTest {

    private static final String PROCESSOR = "trails-g1";
    private static final Duration LONG = Duration.ofSeconds(60);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicReference<Map<Integer, TrackingToken>> table = new AtomicReference<>(Map.of(0, token(3)));
    private final AtomicInteger tableReads = new AtomicInteger();
    private final Semaphore readsSeen = new Semaphore(0);
    private final AtomicReference<Map<Integer, EventTrackerStatus>> live = new AtomicReference<>(Map.of());

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void a_waiter_is_released_by_the_processors_notification_without_reading_the_table_again() throws Exception {
        // A refresh interval of an hour: only the notification can release the waiter within the test.
        ProgressWaits waits = new ProgressWaits(this::readTable, 8, Duration.ofHours(1));
        live.set(Map.of(0, status(3)));
        CompletableFuture<ProgressWaits.Outcome> waiting = waitFor(waits, 5, LONG);
        await().atMost(LONG).until(() -> waits.waiting() == 1);

        live.set(Map.of(0, status(5)));
        waits.advanced(PROCESSOR);

        ProgressWaits.Outcome outcome = waiting.get(30, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(ProgressWaits.Reached.class);
        assertThat(outcome.progress().position()).hasValue(5);
        assertThat(tableReads.get()).as("table reads: the first look only").isEqualTo(1);
        assertThat(waits.waiting()).isZero();
    }

    @Test
    void many_waiters_share_one_read_of_the_table_per_refresh_for_segments_other_nodes_process() throws Exception {
        ProgressWaits waits = new ProgressWaits(this::readTable, 64, Duration.ofMillis(20));
        List<CompletableFuture<ProgressWaits.Outcome>> waiting = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            waiting.add(waitFor(waits, 7, LONG));
        }
        await().atMost(LONG).until(() -> waits.waiting() == 40);
        int before = tableReads.get();
        // Ten refreshes while 40 wait: a read per waiter per turn would make 400.
        assertThat(readsSeen.tryAcquire(before + 10, 60, TimeUnit.SECONDS)).isTrue();
        table.set(Map.of(0, token(7)));
        for (CompletableFuture<ProgressWaits.Outcome> reader : waiting) {
            assertThat(reader.get(30, TimeUnit.SECONDS)).isInstanceOf(ProgressWaits.Reached.class);
        }
        int reads = tableReads.get() - before;
        System.out.printf("40 waiters released after %d shared reads of the table%n", reads);
        assertThat(reads).as("table reads while 40 waited").isBetween(10, 40);
    }

    @Test
    void beyond_the_bound_a_read_is_refused_at_once_and_the_bound_frees_as_waiters_leave() throws Exception {
        ProgressWaits waits = new ProgressWaits(this::readTable, 2, Duration.ofHours(1));
        CompletableFuture<ProgressWaits.Outcome> first = waitFor(waits, 9, LONG);
        CompletableFuture<ProgressWaits.Outcome> second = waitFor(waits, 9, LONG);
        await().atMost(LONG).until(() -> waits.waiting() == 2);

        long started = System.nanoTime();
        ProgressWaits.Outcome third = waits.await(PROCESSOR, live::get, 9, LONG);
        assertThat(third).isInstanceOf(ProgressWaits.Refused.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        // A read whose position is reached needs no slot, even now.
        assertThat(waits.await(PROCESSOR, live::get, 3, LONG)).isInstanceOf(ProgressWaits.Reached.class);

        live.set(Map.of(0, status(9)));
        waits.advanced(PROCESSOR);
        assertThat(first.get(30, TimeUnit.SECONDS)).isInstanceOf(ProgressWaits.Reached.class);
        assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(ProgressWaits.Reached.class);
        assertThat(waits.waiting()).isZero();
        CompletableFuture<ProgressWaits.Outcome> again = waitFor(waits, 10, LONG);
        await().atMost(LONG).until(() -> waits.waiting() == 1);
        live.set(Map.of(0, status(10)));
        waits.advanced(PROCESSOR);
        assertThat(again.get(30, TimeUnit.SECONDS)).isInstanceOf(ProgressWaits.Reached.class);
    }

    @Test
    void a_processor_replaced_by_a_rebuilt_generation_releases_its_waiters_at_once_to_wait_on_the_new_one()
            throws Exception {
        ProgressWaits waits = new ProgressWaits(this::readTable, 2, Duration.ofHours(1));
        AtomicBoolean current = new AtomicBoolean(true);
        CompletableFuture<ProgressWaits.Outcome> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return waits.await(PROCESSOR, live::get, current::get, 9, LONG);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(LONG).until(() -> waits.waiting() == 1);

        // The old generation never moves again; the switch says so instead of leaving the read to its timeout.
        current.set(false);
        waits.advanced(PROCESSOR);

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isInstanceOf(ProgressWaits.Superseded.class);
        assertThat(waits.waiting()).isZero();
    }

    @Test
    void a_wait_ends_at_its_timeout_with_where_the_processor_stands() throws Exception {
        ProgressWaits waits = new ProgressWaits(this::readTable, 2, Duration.ofMillis(20));
        long started = System.nanoTime();
        ProgressWaits.Outcome outcome = waits.await(PROCESSOR, live::get, 9, Duration.ofMillis(200));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome).isInstanceOf(ProgressWaits.TimedOut.class);
        assertThat(outcome.progress().position()).hasValue(3);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(20));
        assertThat(waits.waiting()).isZero();
    }

    @Test
    void the_live_status_of_this_nodes_segments_counts_beside_the_table() throws Exception {
        ProgressWaits waits = new ProgressWaits(this::readTable, 2, Duration.ofHours(1));
        table.set(Map.of(0, token(3), 1, token(8)));
        live.set(Map.of(0, status(8)));
        assertThat(waits.await(PROCESSOR, live::get, 8, LONG)).isInstanceOf(ProgressWaits.Reached.class);
        assertThat(waits.await(PROCESSOR, live::get, 9, Duration.ofMillis(20)))
                .isInstanceOf(ProgressWaits.TimedOut.class);
    }

    private CompletableFuture<ProgressWaits.Outcome> waitFor(ProgressWaits waits, long position, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return waits.await(PROCESSOR, live::get, position, timeout);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
    }

    private Map<Integer, TrackingToken> readTable(String processor) {
        tableReads.incrementAndGet();
        readsSeen.release();
        return processor.equals(PROCESSOR) ? table.get() : Map.of(0, token(0));
    }

    private static TrackingToken token(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private static EventTrackerStatus status(long position) {
        return new TrackerStatus(Segment.ROOT_SEGMENT, token(position));
    }
}
