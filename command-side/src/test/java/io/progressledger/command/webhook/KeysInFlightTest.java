package io.progressledger.command.webhook;

import io.progressledger.command.eventstore.RecordedEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Copies of a delivery in flight wait for the first copy's outcome instead of racing it through the aggregate. */
class KeysInFlightTest {

    private static final KeysInFlight.Owner FIRST = new KeysInFlight.Owner("first-delivery",
            List.of(new RecordedEvent("TalentBlockUnlocked", "talent-1", 0, 17L)));

    private final KeysInFlight keys = new KeysInFlight();
    private final AtomicInteger settledThemselves = new AtomicInteger();

    @Test
    void copies_that_arrive_while_the_first_is_in_flight_are_answered_with_its_outcome_and_never_settle() {
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> keys.settle("phoenix key-1", turn(),
                () -> {
                    awaitRelease(firstMayFinish);
                    return "accepted";
                }, settled -> Optional.of(FIRST), owner -> "repeat"));
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.size() == 1);
        List<CompletableFuture<String>> copies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            copies.add(CompletableFuture.supplyAsync(() -> keys.settle("phoenix key-1", turn(), () -> {
                settledThemselves.incrementAndGet();
                return "raced";
            }, settled -> Optional.<KeysInFlight.Owner>empty(), owner -> "repeat of " + owner.deliveryId())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.waiting() == 20);

        firstMayFinish.countDown();

        assertThat(first.join()).isEqualTo("accepted");
        assertThat(copies).extracting(CompletableFuture::join).containsOnly("repeat of first-delivery");
        assertThat(settledThemselves).hasValue(0);
        assertThat(keys.size()).as("nothing left in flight").isZero();
    }

    @Test
    void when_the_first_settles_nothing_the_next_copy_takes_its_own_turn() {
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> keys.settle("toolzz key-2", turn(),
                () -> {
                    awaitRelease(firstMayFinish);
                    return "refused";
                }, settled -> Optional.empty(), owner -> "repeat"));
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.size() == 1);
        CompletableFuture<String> copy = CompletableFuture.supplyAsync(() -> keys.settle("toolzz key-2", turn(),
                () -> {
                    settledThemselves.incrementAndGet();
                    return "settled by the copy";
                }, settled -> Optional.empty(), owner -> "repeat"));
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.waiting() == 1);

        firstMayFinish.countDown();

        assertThat(first.join()).isEqualTo("refused");
        assertThat(copy.join()).isEqualTo("settled by the copy");
        assertThat(settledThemselves).hasValue(1);
    }

    @Test
    void a_copy_waits_no_longer_than_its_turn_and_is_told_the_ledger_is_overloaded() {
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> keys.settle("phoenix key-3", turn(),
                () -> {
                    awaitRelease(firstMayFinish);
                    return "accepted";
                }, settled -> Optional.of(FIRST), owner -> "repeat"));
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.size() == 1);

        Turn over = new Turn(System.nanoTime() - 1);
        assertThatThrownBy(() -> keys.settle("phoenix key-3", over, () -> "raced", settled -> Optional.empty(),
                owner -> "repeat")).isInstanceOf(Overloaded.class);

        firstMayFinish.countDown();
        assertThat(first.join()).isEqualTo("accepted");
    }

    @Test
    void different_keys_do_not_wait_for_each_other() {
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> keys.settle("phoenix key-4", turn(),
                () -> {
                    awaitRelease(firstMayFinish);
                    return "accepted";
                }, settled -> Optional.of(FIRST), owner -> "repeat"));
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.size() == 1);

        String other = keys.settle("phoenix key-5", new Turn(System.nanoTime() - 1), () -> "accepted too",
                settled -> Optional.empty(), owner -> "repeat");

        assertThat(other).isEqualTo("accepted too");
        firstMayFinish.countDown();
        first.join();
    }

    private static Turn turn() {
        return new Turn(System.nanoTime() + Duration.ofSeconds(60).toNanos());
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
