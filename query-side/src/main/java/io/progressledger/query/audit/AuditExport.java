package io.progressledger.query.audit;

import io.progressledger.query.api.Overloaded;
import io.progressledger.query.eventstore.EventLog;
import io.progressledger.query.eventstore.JdbcEventStore;
import io.progressledger.query.eventstore.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes the event log as NDJSON: keyset pages of the store, each read, filtered, written and flushed before the next
 * is read (constant memory, whatever the size), then a trailer ({@link ExportLine.End}, or
 * {@link ExportLine.Failure} when reading failed on our side) so that a client can tell a complete export from a cut
 * one. It writes on the request's own thread, outside Spring MVC's asynchronous handling, so no request timeout
 * applies: a slow reader only makes it slower.
 */
@Component
@JdbcEventStore
class AuditExport {

    private static final Logger log = LoggerFactory.getLogger(AuditExport.class);
    private static final int BATCH = 1000;

    private final EventLog eventLog;
    private final AuditEvents auditEvents;
    private final JsonMapper json;
    private final ExportProperties limits;
    private final Semaphore running;

    AuditExport(EventLog eventLog, AuditEvents auditEvents, JsonMapper json, ExportProperties limits) {
        this.eventLog = eventLog;
        this.auditEvents = auditEvents;
        this.json = json;
        this.limits = limits;
        this.running = new Semaphore(limits.maxConcurrent());
    }

    /** A running export's place, given back when it ends. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** A place for one more export, or 503 when {@code max-concurrent} already run on this node. */
    Slot admit() throws Overloaded {
        if (!running.tryAcquire()) {
            throw new Overloaded(limits.maxConcurrent() + " exports already run on this node, the most it runs at "
                    + "once (progress.audit.export.max-concurrent); retry later", limits.retryAfter());
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                running.release();
            }
        };
    }

    /** Which events an export holds. */
    record Filter(String type, Instant from, Instant to) {

        boolean matches(AuditEvent event) {
            Instant at = Instant.parse(event.timestamp());
            return (type == null || type.equals(event.type())) && (from == null || !at.isBefore(from))
                    && (to == null || at.isBefore(to));
        }
    }

    /**
     * Every matching event after {@code after}, in global order, then the trailer. An {@link IOException} means the
     * client went away: nothing more can be said to it.
     */
    void write(OutputStream out, Filter filter, long after) throws IOException {
        long lines = 0;
        long position = after;
        try {
            while (true) {
                List<StoredEvent> batch = eventLog.after(position, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                List<byte[]> page = new ArrayList<>(batch.size());
                for (AuditEvent event : auditEvents.read(batch)) {
                    if (filter.matches(event)) {
                        page.add(json.writeValueAsBytes(event));
                    }
                }
                // Written only once the whole page is read: a failure never leaves half a page behind lastPosition.
                for (byte[] line : page) {
                    out.write(line);
                    out.write('\n');
                }
                lines += page.size();
                position = batch.get(batch.size() - 1).globalPosition();
                out.flush();
            }
        } catch (RuntimeException e) {
            log.error("export failed after {} lines at position {}: {}", lines, position, e.getClass().getName());
            trailer(out, new ExportLine.Failure(lines, position, "the export failed on our side after position "
                    + position + "; the lines before are correct: resume with ?after=" + position));
            return;
        }
        trailer(out, new ExportLine.End(lines, position));
    }

    private void trailer(OutputStream out, ExportLine line) throws IOException {
        out.write(json.writeValueAsBytes(line));
        out.write('\n');
        out.flush();
    }
}
