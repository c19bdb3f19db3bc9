package io.progressledger.query.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One client of the live stream: who it is ({@code caller}, the credential its slot is counted against), which changes
 * it may and wants to see ({@code filter}), and its connection. Frames wait in a bounded queue and are written with the
 * Servlet API's non-blocking output, so no thread ever waits for a slow client: a client that lets more than
 * {@code sendBuffer} frames pile up, or reads nothing for several heartbeats, is disconnected (it reconnects with
 * {@code Last-Event-ID} and is replayed what it missed). While it is being replayed what it missed, live changes are
 * held (bounded the same way) and sent after the replay, those the replay already covered skipped.
 */
final class Subscriber implements WriteListener, AsyncListener {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

    private final String caller;
    private final Predicate<ProgressChange> filter;
    private final int sendBuffer;
    private final Duration stallLimit;
    private final Clock clock;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Consumer<Subscriber> onClose;

    private final ArrayDeque<byte[]> outgoing = new ArrayDeque<>();
    private final ArrayDeque<Frame> held = new ArrayDeque<>();
    /** Changes up to this position were replayed (or are older than the resume point): never sent again. */
    private long sentUpTo = -1;
    private boolean replaying;
    private boolean started;
    private boolean flushNeeded;
    private Instant stalledSince;
    private boolean closed;

    /** A change and its encoded frame, encoded once for every subscriber. */
    record Frame(ProgressChange change, byte[] bytes) {
    }

    Subscriber(String caller, Predicate<ProgressChange> filter, int sendBuffer, Duration stallLimit, Clock clock,
               AsyncContext async, ServletOutputStream out, Consumer<Subscriber> onClose) {
        this.caller = caller;
        this.filter = filter;
        this.sendBuffer = sendBuffer;
        this.stallLimit = stallLimit;
        this.clock = clock;
        this.async = async;
        this.out = out;
        this.onClose = onClose;
    }

    String caller() {
        return caller;
    }

    /** Live changes wait until {@link #replayed} has sent what the client missed after {@code position}. */
    synchronized void replayAfter(long position) {
        replaying = true;
        sentUpTo = position;
    }

    /** A change from the live processor, in the processor's order. */
    void live(Frame frame) {
        if (!filter.test(frame.change())) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            if (replaying) {
                held.add(frame);
                if (held.size() > sendBuffer) {
                    closeSlow("more than " + sendBuffer + " live events arrived during its replay");
                }
                return;
            }
            if (frame.change().position() > sentUpTo) {
                enqueue(frame.bytes());
            }
        }
    }

    /**
     * A change the replay read from the store, in order. Waits while the client has a full queue, at most the stall
     * limit; false when the subscriber is closed (the replay stops).
     */
    boolean replayed(Frame frame) throws InterruptedException {
        synchronized (this) {
            long deadline = System.nanoTime() + stallLimit.toNanos();
            while (!closed && outgoing.size() >= sendBuffer) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    closeSlow("read nothing of its replay for " + stallLimit);
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            if (closed) {
                return false;
            }
            if (filter.test(frame.change())) {
                enqueue(frame.bytes());
            }
            sentUpTo = Math.max(sentUpTo, frame.change().position());
            return true;
        }
    }

    /** A frame that is not a change (the too-far-behind notice), sent in order. */
    synchronized void send(byte[] frame) {
        if (!closed) {
            enqueue(frame);
        }
    }

    /**
     * The replay is over: everything up to {@code position} was sent. The live changes held meanwhile follow, minus
     * those the replay covered; from now on changes go out as they come.
     */
    synchronized void replayDone(long position) {
        sentUpTo = Math.max(sentUpTo, position);
        replaying = false;
        for (Frame frame : held) {
            if (closed) {
                break;
            }
            if (frame.change().position() > sentUpTo) {
                enqueue(frame.bytes());
            }
        }
        held.clear();
    }

    /**
     * Every heartbeat: an idle client gets a comment (keeps proxies from closing the connection, and a dead client
     * shows up as a failed write); a client that has read nothing for the stall limit is disconnected.
     */
    synchronized void heartbeat() {
        if (closed) {
            return;
        }
        if (stalledSince != null && Duration.between(stalledSince, clock.instant()).compareTo(stallLimit) > 0) {
            closeSlow("read nothing for " + stallLimit);
        } else if (outgoing.isEmpty()) {
            enqueue(":heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Closes the stream from our side (the node stops, the client fell behind). */
    void close(String why) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            outgoing.clear();
            held.clear();
            notifyAll();
        }
        log.debug("live stream of {} closed: {}", caller, why);
        try {
            async.complete();
        } catch (IllegalStateException alreadyCompleted) {
            // the container completed it first (client gone, timeout)
        }
        onClose.accept(this);
    }

    synchronized boolean closed() {
        return closed;
    }

    private void closeSlow(String why) {
        close("too slow: " + why);
    }

    private void enqueue(byte[] frame) {
        outgoing.add(frame);
        if (outgoing.size() > sendBuffer) {
            closeSlow("more than " + sendBuffer + " frames waiting");
            return;
        }
        write();
    }

    /** Writes what the connection takes now without blocking; the container calls back when it takes more. */
    private void write() {
        if (!started || closed) {
            return;
        }
        try {
            while (out.isReady()) {
                byte[] frame = outgoing.poll();
                if (frame == null) {
                    if (!flushNeeded) {
                        stalledSince = null;
                        break;
                    }
                    flushNeeded = false;
                    out.flush();
                    continue;
                }
                out.write(frame);
                flushNeeded = true;
            }
            if (!outgoing.isEmpty() || flushNeeded) {
                stalledSince = stalledSince == null ? clock.instant() : stalledSince;
            }
            if (outgoing.size() < sendBuffer) {
                notifyAll();
            }
        } catch (IOException | IllegalStateException gone) {
            close("connection lost: " + gone.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void onWritePossible() {
        started = true;
        stalledSince = null;
        write();
    }

    @Override
    public void onError(Throwable error) {
        close("write failed: " + error.getClass().getSimpleName());
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close("completed");
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close("reached its maximum lifetime");
    }

    @Override
    public void onError(AsyncEvent event) {
        close("connection error");
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
