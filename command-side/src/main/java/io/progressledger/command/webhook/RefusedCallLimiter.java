package io.progressledger.command.webhook;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.function.LongSupplier;

/**
 * How many calls refused before authentication (wrong credentials, an oversized or undecodable body) the ledger
 * records, per client address and in all: each costs a delivery-log row, so a client that keeps failing, or many
 * clients at once, get {@code 429} and cost nothing more. Authenticated calls are never limited here.
 * <p>
 * Token buckets, one per client address (an IPv6 address by its /64, which one subscriber usually holds whole) in a
 * fixed table: memory is bounded whatever the number of addresses; two addresses sharing a slot share a bucket until
 * one of them takes the slot over, which only ever makes the limit looser, never blocks an authenticated call.
 */
@Component
public class RefusedCallLimiter {

    private static final int SLOTS = 4096;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perAddressPerMinute;
    private final Bucket overall;
    private final Bucket[] slots = new Bucket[SLOTS];
    private final LongSupplier nanoTime;

    @Autowired
    public RefusedCallLimiter(IngestionProperties properties) {
        this(properties.refusedCallsPerAddressPerMinute(), properties.refusedCallsPerMinute(), System::nanoTime);
    }

    RefusedCallLimiter(int perAddressPerMinute, int overallPerMinute, LongSupplier nanoTime) {
        this.perAddressPerMinute = perAddressPerMinute;
        this.nanoTime = nanoTime;
        this.overall = new Bucket(null, overallPerMinute, nanoTime.getAsLong());
    }

    /** The answer to a call refused before authentication: recorded as usual, or limited. */
    public sealed interface Decision {
    }

    /** Record it. */
    public record Record() implements Decision {
    }

    /**
     * Limited: answer 429 and record nothing.
     *
     * @param firstOfAddress whether this is the first call of its address limited since the bucket was last full:
     *                       the one worth a log line
     */
    public record Limited(long retryAfterSeconds, boolean firstOfAddress) implements Decision {
    }

    public Decision refused(String clientAddress) {
        String key = addressKey(clientAddress);
        long now = nanoTime.getAsLong();
        int slot = Math.floorMod(key.hashCode(), SLOTS);
        synchronized (slots) {
            Bucket bucket = slots[slot];
            if (bucket == null || !bucket.key.equals(key)) {
                bucket = new Bucket(key, perAddressPerMinute, now);
                slots[slot] = bucket;
            }
            bucket.refill(now);
            overall.refill(now);
            if (bucket.tokens >= 1 && overall.tokens >= 1) {
                bucket.tokens--;
                overall.tokens--;
                bucket.warned = false;
                return new Record();
            }
            Bucket empty = bucket.tokens < 1 ? bucket : overall;
            boolean first = !bucket.warned;
            bucket.warned = true;
            return new Limited(empty.secondsUntilToken(), first);
        }
    }

    /** IPv4 addresses whole, IPv6 addresses by their first 64 bits (the prefix a subscriber gets). */
    static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        try {
            // A literal: parsed, never looked up.
            byte[] bytes = java.net.InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]")
                    .getAddress();
            return bytes.length == 16 ? java.util.HexFormat.of().formatHex(bytes, 0, 8) + "/64" : address;
        } catch (java.net.UnknownHostException | RuntimeException notALiteral) {
            return address;
        }
    }

    private static final class Bucket {

        private final String key;
        private final int perMinute;
        private double tokens;
        private long refilledAt;
        private boolean warned;

        Bucket(String key, int perMinute, long now) {
            this.key = key;
            this.perMinute = perMinute;
            this.tokens = perMinute;
            this.refilledAt = now;
        }

        void refill(long now) {
            tokens = Math.min(perMinute, tokens + (double) (now - refilledAt) * perMinute / MINUTE_NANOS);
            refilledAt = now;
        }

        long secondsUntilToken() {
            double missing = 1 - tokens;
            return Math.max(1, (long) Math.ceil(missing * 60 / perMinute));
        }
    }
}
