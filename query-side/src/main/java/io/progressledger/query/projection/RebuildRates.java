package io.progressledger.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast each rebuild advances, from the positions it reached as the reconciler sampled them: the rate over about
 * the last ten seconds (a rebuild's pace changes as it goes), by the given clock.
 */
final class RebuildRates {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    private record Sample(long atMillis, long position) {
    }

    private final Clock clock;
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

    RebuildRates(Clock clock) {
        this.clock = clock;
    }

    /** Notes the position a projection's rebuild has reached now. */
    void sample(String projection, long position) {
        Deque<Sample> series = samples.computeIfAbsent(projection, name -> new ArrayDeque<>());
        long now = clock.millis();
        synchronized (series) {
            series.addLast(new Sample(now, position));
            while (series.size() > 2 && now - series.peekFirst().atMillis() > WINDOW.toMillis()) {
                series.removeFirst();
            }
        }
    }

    /** Events per second over the samples kept; 0 before two samples. */
    double perSecond(String projection) {
        Deque<Sample> series = samples.get(projection);
        if (series == null) {
            return 0;
        }
        synchronized (series) {
            if (series.size() < 2) {
                return 0;
            }
            Sample first = series.peekFirst();
            Sample last = series.peekLast();
            long millis = last.atMillis() - first.atMillis();
            return millis <= 0 ? 0 : (last.position() - first.position()) * 1000.0 / millis;
        }
    }

    /** Forgets a projection's samples, when its rebuild ends. */
    void forget(String projection) {
        samples.remove(projection);
    }
}
