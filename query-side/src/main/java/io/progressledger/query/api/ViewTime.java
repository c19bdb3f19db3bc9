package io.progressledger.query.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as views keep them: to the microsecond, the precision of the databases' timestamps (which would round a
 * finer value). Views and point-in-time reads both go through here, so they show the very same instants.
 */
public final class ViewTime {

    private ViewTime() {
    }

    public static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The column value for an instant. */
    public static OffsetDateTime column(Instant instant) {
        return OffsetDateTime.ofInstant(of(instant), ZoneOffset.UTC);
    }
}
