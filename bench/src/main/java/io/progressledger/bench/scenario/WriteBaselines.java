package io.progressledger.bench.scenario;

import io.progressledger.bench.launch.ScratchDatabase;
import io.progressledger.bench.load.Tally;
import io.progressledger.bench.report.Latency;
import io.progressledger.bench.report.Results;
import io.progressledger.bench.store.DeliveryRows;
import io.progressledger.bench.store.MigrationScripts;
import io.progressledger.bench.store.ScratchTables;
import io.progressledger.bench.store.WriteBaseline;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two write baselines of the ingest scenario, in a scratch database made by the command side's own migration
 * scripts (taken from the jar under test), with the command side's pool size:
 * <ul>
 *     <li><b>insert</b>, the database's floor: one event row inserted and committed per transaction;</li>
 *     <li><b>same rows</b>: one transaction writing exactly the rows one accepted delivery wrote in this run (read
 *     back from the ledger's database: its event and every row that names the delivery, the event or its position,
 *     see {@link DeliveryRows}), same column types, values and indexes.</li>
 * </ul>
 * Both run at the ledger's concurrency: as many callers as senders, sharing as many connections as the command
 * side's pool has.
 */
final class WriteBaselines implements AutoCloseable {

    private static final Pattern POOL_MAX = Pattern.compile("(?m)^hikaricp_connections_max\\{([^}]*)}\\s+([0-9.Ee+]+)$");

    private final RunContext context;
    private final ScratchDatabase scratch;
    /** Held open for the run: an embedded H2 database would otherwise close (and lose its cache) between two runs. */
    private final Connection keeper;
    private final DeliveryRows rows;
    private final int poolSize;
    private final String poolSizeSource;

    private WriteBaselines(RunContext context, ScratchDatabase scratch, Connection keeper, DeliveryRows rows,
                           int poolSize, String poolSizeSource) {
        this.context = context;
        this.scratch = scratch;
        this.keeper = keeper;
        this.rows = rows;
        this.poolSize = poolSize;
        this.poolSizeSource = poolSizeSource;
    }

    /** Makes the scratch tables and reads the rows of a sample of this run's accepted deliveries. */
    static WriteBaselines prepare(RunContext context) {
        context.progress().start("baselines: the command side's tables from its migration scripts, rows of real deliveries",
                0, "", null);
        Path directory = context.settings().work().resolve("data").resolve("scratch");
        ScratchDatabase scratch = context.database().scratch(directory);
        Connection keeper = null;
        try {
            keeper = scratch.connect();
            Map<String, Path> locations = MigrationScripts.extract(context.settings().commandJar(), scratch.vendor(),
                    context.settings().work().resolve("migrations"));
            ScratchTables.migrate(scratch, locations);
            List<ScratchTables.Table> tables = ScratchTables.read(scratch);
            DeliveryRows rows = DeliveryRows.read(context.database()::connect, tables, sample(context.tally()));
            int[] pool = new int[1];
            String source = poolSize(context, pool);
            WriteBaselines baselines = new WriteBaselines(context, scratch, keeper, rows, pool[0], source);
            context.progress().finish(String.format(Locale.ROOT, "migrations %s; rows per delivery: %s; pool of %d (%s)",
                    locations.keySet(), String.join(", ", rows.tables().stream()
                            .map(t -> t.table() + " × " + t.rowsPerDelivery()).toList()), pool[0], source));
            return baselines;
        } catch (SQLException e) {
            close(keeper, scratch);
            throw new IllegalStateException("cannot open the scratch database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(keeper, scratch);
            throw e;
        }
    }

    private static void close(Connection keeper, ScratchDatabase scratch) {
        try {
            if (keeper != null) {
                keeper.close();
            }
        } catch (SQLException e) {
            // closing anyway
        }
        scratch.close();
    }

    /** Deliveries of every kind the run accepted: Phoenix unlocks and status changes, Toolzz completions. */
    private static List<DeliveryRows.Accepted> sample(Tally tally) {
        List<DeliveryRows.Accepted> accepted = new ArrayList<>();
        // About the traffic's mix: 70 % Phoenix (unlocks and status changes), 30 % Toolzz.
        Map<String, Integer> share = Map.of("TalentBlockUnlocked", 4, "TalentBlockStatusChanged", 3, "TrailCompleted", 3);
        tally.samples().forEach((type, recorded) -> recorded.stream()
                .filter(r -> r.deliveryId() != null && r.globalPosition() > 0)
                .limit(share.getOrDefault(type, 1))
                .forEach(r -> accepted.add(new DeliveryRows.Accepted(r.deliveryId(), r.globalPosition()))));
        return accepted;
    }

    /** The configured size, else the command side's pool as its metrics report it. */
    private static String poolSize(RunContext context, int[] size) {
        if (context.settings().poolSize() != null) {
            size[0] = context.settings().poolSize();
            return "--pool";
        }
        String metrics = commandMetrics(context);
        Matcher matcher = POOL_MAX.matcher(metrics);
        int largest = 0;
        List<String> pools = new ArrayList<>();
        while (matcher.find()) {
            int max = (int) Double.parseDouble(matcher.group(2));
            pools.add(max + " (" + matcher.group(1) + ")");
            largest = Math.max(largest, max);
        }
        if (largest == 0) {
            throw new IllegalStateException("the command side's metrics name no connection pool (hikaricp_connections_max);"
                    + " give the baselines' pool size with --pool");
        }
        size[0] = largest;
        return "the command side's hikaricp_connections_max" + (pools.size() > 1 ? ", largest of " + pools : "");
    }

    private static String commandMetrics(RunContext context) {
        try {
            HttpResponse<String> response = context.http().client().send(HttpRequest.newBuilder(
                            URI.create(context.applications().commandSide().url("/actuator/prometheus")))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + context.applications().credentials().adminToken())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the command side's /actuator/prometheus answered " + response.statusCode()
                        + "; give the baselines' pool size with --pool");
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the command side's metrics: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Results.BaselineRun insert(int threads) {
        return run("baseline: one event row insert + commit", threads, rows.eventOnly());
    }

    Results.BaselineRun sameRows(int threads) {
        return run("baseline: the rows of one delivery in one transaction", threads, rows.sameRows());
    }

    private Results.BaselineRun run(String name, int threads, WriteBaseline.Transaction transaction) {
        int count = context.settings().stepDeliveries() * 5;
        Duration cap = Duration.ofSeconds(context.settings().baselineSeconds());
        context.progress().start(name + ", " + threads + " concurrent, " + poolSize + " connections", 0, "", null);
        // Unmeasured first, as the ledger's steps are: the JIT and the pool's connections warm up.
        WriteBaseline.run(scratch, threads, poolSize, Math.max(100, count / 10), cap.dividedBy(4), transaction);
        CpuMeter.Phase cpu = context.cpu().start(name + " c=" + threads);
        WriteBaseline.Result result = WriteBaseline.run(scratch, threads, poolSize, count, cap, transaction);
        Results.CpuSeconds seconds = cpu.end();
        Latency latency = Latency.of(result.latencies().snapshot());
        context.progress().finish(String.format(Locale.ROOT, "%,d in %.1f s: %,.0f/s, p50 %.2f ms, p99 %.2f ms",
                result.transactions(), result.seconds(), result.perSec(), latency.p50Ms(), latency.p99Ms()));
        return new Results.BaselineRun(result.transactions(), round(result.seconds()), round(result.perSec()), threads,
                poolSize, latency, seconds);
    }

    int poolSize() {
        return poolSize;
    }

    String poolSizeSource() {
        return poolSizeSource;
    }

    Results.SameRows describe() {
        return new Results.SameRows("one transaction per delivery: every row a sample of " + rows.samples()
                + " deliveries accepted in this run wrote (read back from the ledger's database), written again with "
                + "fresh values where an index demands uniqueness; tables made by the command side's migration "
                + "scripts from " + context.settings().commandJar().getFileName(), scratch.description(),
                rows.samples(), rows.tables().stream().map(t -> new Results.TableRows(t.table(), t.rowsPerDelivery(),
                t.columnsWritten(), t.uniqueColumns())).toList());
    }

    @Override
    public void close() {
        close(keeper, scratch);
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
