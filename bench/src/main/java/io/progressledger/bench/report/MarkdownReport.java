package io.progressledger.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report a person reads: the targets at a glance, then one section per scenario with its table and plot. Every
 * figure is also in the JSON beside it.
 */
public final class MarkdownReport {

    private final Results results;
    private final Charts charts;
    private final String chartDir;
    private final StringBuilder md = new StringBuilder();

    public MarkdownReport(Results results, Charts charts, String chartDir) {
        this.results = results;
        this.charts = charts;
        this.chartDir = chartDir;
    }

    public String render(String jsonFile, String commandLine) {
        Results.Scenarios s = results.scenarios();
        line("# Progress Ledger benchmark: %s, %s", results.db(), results.startedAt());
        line("");
        Results.Machine m = results.machine();
        line("%d cores (%s), %.1f GB, %s %s; %s; load average %s at the start. Took %.0f s. Every figure: [`%s`](%s).",
                m.cores(), m.cpu(), m.memoryGb(), m.os(), m.kernel(), m.javaVm(), m.loadAverage(),
                results.durationSeconds(), jsonFile, jsonFile);
        line("");
        line("```");
        line("%s", commandLine);
        line("```");
        line("");
        line("Both applications ran in their own JVMs from their jars (`-Xmx%s`), on %s, driven over real HTTP by a "
                + "driver on the same machine (which shares its cores).", results.settings().get("appHeap"), results.db());
        line("");
        targets();
        ingest(s.ingest());
        scale(s.ingestAtScale());
        visibility(s.visibility());
        reads(s.reads());
        replay(s.replay());
        memory(s.memory());
        exactlyOnce(s.exactlyOnce());
        timeline();
        if (!results.failures().isEmpty()) {
            line("## What could not be measured");
            line("");
            results.failures().forEach((scenario, why) -> line("- **%s**: %s", scenario, why.replace("\n", " ")));
            line("");
        }
        line("## Versions and settings");
        line("");
        line("| | |");
        line("|---|---|");
        results.versions().forEach((k, v) -> line("| %s | %s |", k, v));
        results.settings().forEach((k, v) -> line("| %s | %s |", k, v));
        return md.toString();
    }

    private void targets() {
        line("## Targets");
        line("");
        line("| scenario | target | measured | |");
        line("|---|---|---|---|");
        for (Results.Target t : results.targets()) {
            line("| %s | %s | %s | %s |", t.scenario(), t.target(), t.measured(),
                    t.met() == null ? "—" : t.met() ? "✅ met" : "❌ not met");
        }
        line("");
        line("A benchmark measures: a target not met is a finding, never a failed build.");
        line("");
    }

    private void ingest(Results.Ingest ingest) {
        line("## Ingest");
        line("");
        if (ingest == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("Accepted webhook deliveries per second, closed loop (each sender sends its next delivery when the last "
                + "is answered); the mix has 5 %% repeats and 1 %% invalid deliveries, answered but not counted. "
                + "Baseline: %s.", ingest.baseline());
        line("");
        line("| senders | accepted/s | JDBC inserts/s | ratio | p50 ms | p99 ms | p99.9 ms | max ms | sent |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, Latency> curves = new LinkedHashMap<>();
        for (Results.IngestLevel l : ingest.levels()) {
            line("| %d | %,.0f | %,.0f | %.2f× | %.1f | %.1f | %.1f | %.1f | %,d |", l.concurrency(), l.perSec(),
                    l.baselinePerSec(), l.ratio(), l.latency().p50Ms(), l.latency().p99Ms(), l.latency().p999Ms(),
                    l.latency().maxMs(), l.sent());
            curves.put(l.concurrency() + " senders", l.latency());
        }
        line("");
        List<String> categories = ingest.levels().stream().map(l -> l.concurrency() + " senders").toList();
        Map<String, List<Double>> bars = new LinkedHashMap<>();
        bars.put("ledger: accepted deliveries/s", ingest.levels().stream().map(Results.IngestLevel::perSec).toList());
        bars.put("JDBC: insert + commit/s", ingest.levels().stream().map(Results.IngestLevel::baselinePerSec).toList());
        image("Throughput against the JDBC baseline", charts.bars("ingest-throughput",
                "Ingest throughput vs raw JDBC insert + commit", "per second", categories, bars));
        image("Ingest latency percentiles", charts.percentiles("ingest-latency",
                "Webhook latency (accepted deliveries) by concurrency", curves));
    }

    private void scale(Results.IngestAtScale scale) {
        line("## Ingest at scale");
        line("");
        if (scale == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("The same step (%d senders) with more events already stored (bulk-loaded, then projected by the query "
                + "side before measuring); ratio against the first step, on the (nearly) empty store.", scale.concurrency());
        line("");
        line("| events stored | bulk-loaded | accepted/s | ratio | p50 ms | p99 ms | views caught up at |");
        line("|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, Latency> curves = new LinkedHashMap<>();
        for (Results.ScaleLevel l : scale.levels()) {
            line("| %,d | %,d | %,.0f | %.2f× | %.1f | %.1f | %s |", l.storedEvents(), l.bulkLoaded(), l.perSec(),
                    l.ratio(), l.p50Ms(), l.p99Ms(), l.catchUpEventsPerSec() == null ? "—"
                            : String.format(Locale.ROOT, "%,.0f events/s", l.catchUpEventsPerSec()));
            curves.put(String.format(Locale.ROOT, "%,d stored", l.storedEvents()), l.latency());
        }
        line("");
        image("Latency by store size", charts.percentiles("scale-latency", "Webhook latency by events already stored", curves));
    }

    private void visibility(Results.Visibility v) {
        line("## Visibility");
        line("");
        if (v == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("From a delivery's 200 to its change being readable on the query side, %d samples at %.0f deliveries/s: "
                + "%s.", v.samples(), v.ratePerSec(), v.method());
        line("");
        line("| p50 ms | p99 ms | p99.9 ms | max ms | not visible within 2 s |");
        line("|---:|---:|---:|---:|---:|");
        line("| %.1f | %.1f | %.1f | %.1f | %d |", v.p50Ms(), v.p99Ms(), v.p999Ms(), v.maxMs(), v.notVisibleWithin2s());
        line("");
        Map<String, Latency> curves = new LinkedHashMap<>();
        curves.put("200 → readable", v.latency());
        curves.put("webhook latency (from its scheduled time)", v.ingestLatency());
        image("Visibility percentiles", charts.percentiles("visibility", "Visibility delay after the webhook's 200", curves));
    }

    private void reads(Results.Reads r) {
        line("## Reads");
        line("");
        if (r == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("Every dashboard GET with %,d events stored, %d concurrent readers (closed loop), random ids that have "
                + "data; baseline: `GET /actuator/health` on the same server, measured the same way.", r.storedEvents(), r.readers());
        line("");
        line("| endpoint | p50 ms | p99 ms | p99.9 ms | max ms | errors |");
        line("|---|---:|---:|---:|---:|---:|");
        Map<String, Latency> curves = new LinkedHashMap<>();
        line("| *baseline* `GET /actuator/health` | %.2f | %.2f | %.2f | %.2f | |", r.baseline().p50Ms(), r.baseline().p99Ms(),
                r.baseline().p999Ms(), r.baseline().maxMs());
        curves.put("/actuator/health (baseline)", r.baseline());
        r.endpoints().forEach((name, e) -> {
            line("| `%s` | %.2f | %.2f | %.2f | %.2f | %d |", name, e.p50Ms(), e.p99Ms(), e.latency().p999Ms(),
                    e.latency().maxMs(), e.errors());
            curves.put(name.replace("GET ", ""), e.latency());
        });
        line("| **all dashboard reads** | **%.2f** | **%.2f** | %.2f | | %d |", r.p50Ms(), r.p99Ms(), r.p999Ms(), r.errors());
        line("");
        r.endpoints().values().stream().filter(e -> e.firstError() != null).findFirst()
                .ifPresent(e -> line("First error: `%s`%n", e.firstError()));
        image("Read latency percentiles", charts.percentiles("reads-latency", "Dashboard read latency, "
                + r.readers() + " readers", curves));
    }

    private void replay(Results.Replay r) {
        line("## Replay");
        line("");
        if (r == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("Every view rebuilt at once from %,d stored events; baseline: one raw JDBC sequential read of the same "
                + "table (%s events/s). Status: **%s**. %s", r.events(), r.baselinePerSec() == null ? "—"
                : String.format(Locale.ROOT, "%,.0f", r.baselinePerSec()), r.status(), r.detail());
        line("");
        if (r.eventsPerSec() != null) {
            line("| events/s (all views) | raw read events/s | ratio | seconds |");
            line("|---:|---:|---:|---:|");
            line("| %,.0f | %,.0f | %.2f× | %.1f |", r.eventsPerSec(), r.baselinePerSec(), r.ratio(), r.seconds());
            line("");
            line("| view | generation | switched after s | server's rate events/s |");
            line("|---|---|---:|---:|");
            r.projections().forEach(p -> line("| %s | %d → %s | %s | %s |", p.name(), p.fromGeneration(),
                    p.toGeneration() == null ? "—" : p.toGeneration().toString(), p.seconds() == null ? "—" : p.seconds().toString(),
                    p.serverRatePerSecond() == null ? "—" : String.format(Locale.ROOT, "%,.0f", p.serverRatePerSecond())));
            line("");
            image("Rebuild progress", charts.lines("replay-progress", "Rebuild progress per view",
                    "seconds since the replay requests", "events applied", results.timeline().replayEventsDone(), null, null));
        }
    }

    private void memory(Results.Memory memory) {
        line("## Memory");
        line("");
        if (memory == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("Peak resident set (VmHWM of `/proc/<pid>/status`) of each JVM, %s.", memory.peakResetPerPhase()
                ? "reset at the start of each phase" : "since the process started (the kernel refused a reset)");
        line("");
        line("| phase | command side MB | query side MB |");
        line("|---|---:|---:|");
        memory.phases().forEach((phase, p) -> line("| %s | %.0f | %.0f |", phase, p.commandPeakMb(), p.queryPeakMb()));
        line("| **peak** | **%.0f** | **%.0f** |", memory.commandRssMb(), memory.queryRssMb());
        line("");
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        series.put("command side", results.timeline().commandRssMb());
        series.put("query side", results.timeline().queryRssMb());
        image("Resident memory over the run", charts.lines("memory", "Resident memory (RSS) of each JVM",
                "seconds since start", "MB", series, 512.0, "target 512 MB"));
    }

    private void exactlyOnce(Results.ExactlyOnce e) {
        line("## Exactly once");
        line("");
        if (e == null) {
            line("Not checked.");
            line("");
            return;
        }
        line("**%s.** After every scenario, one pass over the whole store against the driver's accounting and every view.",
                e.exact() ? "Exact" : "NOT exact");
        line("");
        line("| | |");
        line("|---|---:|");
        line("| accepted deliveries | %,d |", e.acceptedDeliveries());
        line("| events named in accepted answers | %,d |", e.eventsAnswered());
        line("| bulk-loaded events (counted separately) | %,d |", e.bulkLoadedEvents());
        line("| events in the store | %,d |", e.eventsInStore());
        line("| expected (accepted + bulk-loaded) | %,d |", e.expectedEventsInStore());
        line("| accepted events missing from the store | %,d |", e.acceptedEventsMissing());
        line("| facts stored twice | %,d |", e.duplicateFacts());
        line("| repeats sent / answered `duplicate` | %,d / %,d |", e.duplicatesSent(), e.duplicatesAnswered());
        line("| invalid sent / answered 4xx | %,d / %,d |", e.invalidSent(), e.rejectedAnswers());
        line("| calls without a definite answer (5xx, timeouts) | %,d |", e.failedCalls());
        line("");
        e.unexpectedAnswers().forEach((what, count) -> line("- unexpected: %s × %d", what, count));
        line("");
        line("| view | checked | mismatches | first differences |");
        line("|---|---|---:|---|");
        e.views().forEach(v -> line("| %s | %,d × %s | %d | %s |", v.view(), v.checked(), v.what(), v.mismatches(),
                String.join("; ", v.examples())));
        line("");
    }

    private void timeline() {
        Results.Timeline t = results.timeline();
        if (t == null || t.acceptedPerSecond() == null) {
            return;
        }
        line("## Throughput over time");
        line("");
        image("Accepted deliveries per second", charts.timeline("throughput-over-time", t.acceptedPerSecond(), t.phases()));
    }

    private void image(String alt, String file) {
        if (file != null) {
            line("![%s](%s/%s)", alt, chartDir, file);
            line("");
        }
    }

    private void line(String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
