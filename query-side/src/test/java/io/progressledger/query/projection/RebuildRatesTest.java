package io.progressledger.query.projection;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A rebuild's rate, from positions sampled on a clock the test moves. */
class RebuildRatesTest {

    final MovableClock clock = new MovableClock();
    final RebuildRates rates = new RebuildRates(clock);

    @Test
    void no_rate_before_two_samples() {
        assertThat(rates.perSecond("talent-progress")).isZero();
        rates.sample("talent-progress", 100);
        assertThat(rates.perSecond("talent-progress")).isZero();
    }

    @Test
    void the_rate_is_over_about_the_last_ten_seconds() {
        rates.sample("talent-progress", 0);
        clock.advance(Duration.ofSeconds(10));
        rates.sample("talent-progress", 10_000); // 1,000 events/s at first
        clock.advance(Duration.ofSeconds(5));
        rates.sample("talent-progress", 30_000);
        clock.advance(Duration.ofSeconds(5));
        rates.sample("talent-progress", 50_000); // then 4,000 events/s

        assertThat(rates.perSecond("talent-progress")).isCloseTo(4_000, within(0.001));
    }

    @Test
    void a_finished_rebuild_is_forgotten_and_each_projection_has_its_own_rate() {
        rates.sample("overview", 0);
        rates.sample("audit-chain", 0);
        clock.advance(Duration.ofSeconds(2));
        rates.sample("overview", 1_000);
        rates.sample("audit-chain", 4_000);

        assertThat(rates.perSecond("overview")).isCloseTo(500, within(0.001));
        assertThat(rates.perSecond("audit-chain")).isCloseTo(2_000, within(0.001));
        rates.forget("overview");
        assertThat(rates.perSecond("overview")).isZero();
    }

    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
