package io.progressledger.command.webhook;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The limit on calls refused before authentication, on a clock the test moves. */
class RefusedCallLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final RefusedCallLimiter limiter = new RefusedCallLimiter(3, 5, now::get);

    @Test
    void an_address_is_limited_after_its_allowance_and_recovers_as_time_passes() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.refused("10.0.0.1")).isInstanceOf(RefusedCallLimiter.Record.class);
        }
        RefusedCallLimiter.Decision limited = limiter.refused("10.0.0.1");
        assertThat(limited).isEqualTo(new RefusedCallLimiter.Limited(20, true));
        assertThat(limiter.refused("10.0.0.1")).isEqualTo(new RefusedCallLimiter.Limited(20, false));

        now.addAndGet(20 * SECOND);

        assertThat(limiter.refused("10.0.0.1")).isInstanceOf(RefusedCallLimiter.Record.class);
    }

    @Test
    void all_addresses_together_are_limited_too() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.refused("10.0.1." + i)).isInstanceOf(RefusedCallLimiter.Record.class);
        }

        assertThat(limiter.refused("10.0.1.99")).isInstanceOf(RefusedCallLimiter.Limited.class);
    }

    @Test
    void an_ipv6_subscriber_is_one_client_whatever_address_of_its_64_it_uses() {
        assertThat(RefusedCallLimiter.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(RefusedCallLimiter.addressKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"))
                .isNotEqualTo(RefusedCallLimiter.addressKey("2001:db8:1:3::1"));
        assertThat(RefusedCallLimiter.addressKey("192.0.2.7")).isEqualTo("192.0.2.7");
    }
}
