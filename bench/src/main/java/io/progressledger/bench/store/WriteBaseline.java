package io.progressledger.bench.store;

import io.progressledger.bench.launch.ScratchDatabase;
import io.progressledger.bench.load.Latencies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Raw JDBC transactions the way the ledger is allowed to make them: {@code threads} callers (its concurrent senders)
 * sharing a fixed pool of {@code poolSize} connections (its connection pool's size), each taking a connection,
 * writing one transaction's rows with prepared statements kept per connection, committing, and giving the
 * connection back. The latency of a transaction counts its wait for a connection, as a delivery's does.
 */
public final class WriteBaseline {

    private WriteBaseline() {
    }

    /** The rows of one transaction, written on a session (commit is the runner's). */
    @FunctionalInterface
    public interface Transaction {
        void write(Session session, SplittableRandom random) throws SQLException;
    }

    /** A pooled connection with its prepared statements. */
    public static final class Session {

        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        Session(Connection connection) {
            this.connection = connection;
        }

        public PreparedStatement prepare(String sql) throws SQLException {
            return prepare(sql, null);
        }

        /** A statement that returns the key the database generates in {@code generatedColumn} (unless null). */
        public PreparedStatement prepare(String sql, String generatedColumn) throws SQLException {
            String key = generatedColumn == null ? sql : sql + "\u0000" + generatedColumn;
            PreparedStatement statement = statements.get(key);
            if (statement == null) {
                statement = generatedColumn == null ? connection.prepareStatement(sql)
                        : connection.prepareStatement(sql, new String[]{generatedColumn});
                statements.put(key, statement);
            }
            return statement;
        }
    }

    /** Transactions per second and their latency. */
    public record Result(int threads, int poolSize, long transactions, double seconds, double perSec,
                         Latencies latencies) {
    }

    /** Runs {@code count} transactions (or until {@code cap}) and measures them; the pool is open before the clock starts. */
    public static Result run(ScratchDatabase database, int threads, int poolSize, long count, Duration cap,
                             Transaction transaction) {
        BlockingQueue<Session> pool = new ArrayBlockingQueue<>(poolSize);
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                Connection connection = database.connect();
                connections.add(connection);
                connection.setAutoCommit(false);
                pool.add(new Session(connection));
            }
            return measure(threads, poolSize, count, cap, transaction, pool);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the baseline's connections: " + e.getMessage(), e);
        } finally {
            for (Connection connection : connections) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // closing anyway
                }
            }
        }
    }

    private static Result measure(int threads, int poolSize, long count, Duration cap, Transaction transaction,
                                  BlockingQueue<Session> pool) {
        Latencies latencies = new Latencies();
        AtomicLong remaining = new AtomicLong(count);
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(threads);
        SplittableRandom seeds = new SplittableRandom();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + cap.toNanos();
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = seeds.split();
            Thread worker = new Thread(() -> {
                try {
                    while (failure.get() == null && remaining.decrementAndGet() >= 0 && System.nanoTime() < deadline) {
                        long begin = System.nanoTime();
                        Session session = pool.take();
                        try {
                            transaction.write(session, random);
                            session.connection.commit();
                        } catch (SQLException e) {
                            session.connection.rollback();
                            throw e;
                        } finally {
                            pool.put(session);
                        }
                        latencies.recordSince(begin);
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }, "bench-jdbc-" + t);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("JDBC baseline failed: " + failure.get(), failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(threads, poolSize, done.get(), seconds, done.get() / seconds, latencies);
    }
}
