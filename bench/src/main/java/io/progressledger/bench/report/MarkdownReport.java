package io.progressledger.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The report a person reads: the machine and what a commit means on the database, the targets at a glance, then one
 * section per scenario with its baselines explained, its table and plots, then CPU per process and phase. Every
 * figure is the median of its repetitions, min–max in parentheses; every figure is also in the JSON beside it.
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
        line("# Progress Ledger benchmark: %s, %s%s", results.db(), results.startedAt(),
                results.label() == null ? "" : " (" + results.label() + ")");
        line("");
        Results.Machine m = results.machine();
        line("%d cores (%s), %.1f GB, %s %s; %s. Took %.0f s. Every figure: [`%s`](%s).", m.cores(), m.cpu(),
                m.memoryGb(), m.os(), m.kernel(), m.javaVm(), results.durationSeconds(), jsonFile, jsonFile);
        line("");
        quiet(m.quietCheck());
        line("```");
        line("%s", commandLine);
        line("```");
        line("");
        line("Both applications ran in their own JVMs from their jars (`-Xmx%s`), on %s, driven over real HTTP by a "
                + "driver on the same machine (which shares its cores). Every figure is the **median of %s runs**, "
                + "the lowest and highest run in parentheses (`median (min–max)`).", results.settings().get("appHeap"),
                results.db(), results.settings().get("repetitions"));
        line("");
        database(results.database());
        targets();
        ingest(s.ingest());
        burst(s.burst());
        scale(s.ingestAtScale());
        visibility(s.visibility());
        reads(s.reads());
        dashboard(s.dashboard());
        replay(s.replay(), s.reads());
        cpu();
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

    private void quiet(Results.Quiet q) {
        if (q == null) {
            return;
        }
        line("**Machine at the start: %s** — %.1f %% of all cores busy over %.0f s (quiet below %.0f %%), load "
                        + "average %s%s.%s", q.quiet() ? "quiet" : "NOT QUIET", q.busyPercent(), q.sampleSeconds(),
                q.maxBusyPercent(), q.loadAverage(), q.otherDatabaseSessions() == null ? ""
                        : ", " + q.otherDatabaseSessions() + " other active sessions on the database server",
                q.ranAnyway() ? " The run went on anyway (`--allow-busy`): other work lowered every figure, see "
                        + "\"other\" in the CPU table." : "");
        line("");
    }

    private void database(Results.DatabaseInfo database) {
        if (database == null) {
            return;
        }
        line("**What a commit means here.** %s", database.commitMeaning());
        if (!database.commitSettings().isEmpty()) {
            line("Settings: %s.", String.join(", ", database.commitSettings().entrySet().stream()
                    .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`").toList()));
        }
        line("");
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
                + "is answered); the mix has 5 %% repeats and 1 %% invalid deliveries, answered but not counted. Each "
                + "level is warmed up with unmeasured deliveries at its own concurrency, and each step starts with the "
                + "views caught up. Right before each step, at the same concurrency, two raw JDBC baselines in %s, "
                + "as many callers as senders sharing **%d connections** (%s):", ingest.sameRows().database(),
                ingest.poolSize(), ingest.poolSizeSource());
        line("");
        line("- **floor**: %s. The least a database can do per transaction; no ledger comes near it, and it is "
                + "not the target.", ingest.baseline());
        line("- **same rows**: %s. The same work on the database as one accepted delivery, without HTTP, "
                + "authentication, validation, the aggregate's decision or any framework: the fair yardstick "
                + "(target ≥ 0.5×).", ingest.sameRows().description());
        line("");
        line("| table | rows per delivery | columns written | unique |");
        line("|---|---:|---|---|");
        ingest.sameRows().tables().forEach(t -> line("| %s | %.2f | %d | %s |", t.table(), t.rowsPerDelivery(),
                t.columnsWritten().size(), String.join(", ", t.uniqueColumns())));
        line("");
        line("Headline: **%d senders** (fixed, not the best level): %s accepted/s, %s the same-rows baseline, %s the floor.",
                ingest.concurrency(), ingest.spread().get("perSec").text("%,.0f"),
                ingest.spread().get("sameRowsRatio").text("%.3f", "×"), ingest.spread().get("ratio").text("%.3f", "×"));
        line("");
        line("| senders | accepted/s | same rows tx/s | ratio | floor tx/s | ratio | p50 ms | p99 ms | p99.9 ms | CPU ms per delivery: command / query / driver%s |",
                ingest.cpuSeconds().database() == null ? "" : " / database");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, Latency> curves = new LinkedHashMap<>();
        for (Results.IngestLevel l : ingest.levels()) {
            Map<String, Spread> sp = l.spread();
            line("| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |", l.concurrency(), sp.get("perSec").text("%,.0f"),
                    sp.get("sameRowsBaselinePerSec").text("%,.0f"), sp.get("sameRowsRatio").text("%.3f", "×"),
                    sp.get("baselinePerSec").text("%,.0f"), sp.get("ratio").text("%.3f", "×"), sp.get("p50Ms").text("%.1f"),
                    sp.get("p99Ms").text("%.1f"), sp.get("p999Ms").text("%.1f"), perDelivery(l.cpuMsPerDelivery()));
            curves.put(l.concurrency() + " senders", medianRun(l.runs(), Results.IngestRun::perSec).latency());
        }
        line("");
        line("Baseline latencies (p99 ms, same rows / floor): %s.", String.join("; ", ingest.levels().stream()
                .map(l -> l.concurrency() + " callers " + l.spread().get("sameRowsBaselineP99Ms").text("%.2f") + " / "
                        + l.spread().get("baselineP99Ms").text("%.2f")).toList()));
        line("");
        List<String> categories = ingest.levels().stream().map(l -> l.concurrency() + " senders").toList();
        Map<String, List<Double>> bars = new LinkedHashMap<>();
        bars.put("ledger: accepted deliveries/s", ingest.levels().stream().map(Results.IngestLevel::perSec).toList());
        bars.put("same rows: JDBC transactions/s", ingest.levels().stream().map(Results.IngestLevel::sameRowsBaselinePerSec).toList());
        bars.put("floor: one-row JDBC transactions/s", ingest.levels().stream().map(Results.IngestLevel::baselinePerSec).toList());
        image("Throughput against the JDBC baselines", charts.bars("ingest-throughput",
                "Ingest throughput vs raw JDBC (medians)", "per second", categories, bars));
        image("Ingest latency percentiles", charts.percentiles("ingest-latency",
                "Webhook latency (accepted deliveries), median run of each level", curves));
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
                + "side before measuring); ratio against the first level, on the (nearly) empty store. The views' "
                + "catch-up rate counts the harness's status calls made while they worked.", scale.concurrency());
        line("");
        line("| events stored | bulk-loaded | accepted/s | ratio | p50 ms | p99 ms | CPU ms per delivery | views caught up at |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, Latency> curves = new LinkedHashMap<>();
        for (Results.ScaleLevel l : scale.levels()) {
            line("| %,d | %,d | %s | %s | %s | %s | %s | %s |", l.storedEvents(), l.bulkLoaded(),
                    l.spread().get("perSec").text("%,.0f"), l.spread().containsKey("ratio")
                            ? l.spread().get("ratio").text("%.2f", "×") : f("%.2f×", l.ratio()),
                    l.spread().get("p50Ms").text("%.1f"), l.spread().get("p99Ms").text("%.1f"),
                    perDelivery(l.cpuMsPerDelivery()), l.catchUp() == null ? "—"
                            : f("%,.0f events/s (%d status calls)", l.catchUp().eventsPerSec(), l.catchUp().statusPolls()));
            curves.put(f("%,d stored", l.storedEvents()), medianRun(l.runs(), Results.ScaleRun::perSec).latency());
        }
        line("");
        image("Latency by store size", charts.percentiles("scale-latency", "Webhook latency by events already stored", curves));
    }

    private void burst(Results.Burst b) {
        line("## Burst");
        line("");
        if (b == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("%d calls %s. Answers over all runs: %s; %d not as expected.", b.calls(), b.workload(), b.answers(),
                b.unexpected());
        line("");
        line("| run | p50 ms | p99 ms | max ms | answers | listen-queue overflows | CPU s command / query / driver%s |",
                b.cpuSeconds().database() != null ? " / database" : "");
        line("|---|---:|---:|---:|---|---:|---|");
        for (Results.BurstRun run : b.runs()) {
            Results.CpuSeconds cpu = run.cpuSeconds();
            line("| %d | %.0f | %.0f | %.0f | %s | %d | %.2f / %.2f / %.2f%s |", run.repetition(), run.latency().p50Ms(),
                    run.latency().p99Ms(), run.latency().maxMs(), run.answers(), run.listenOverflows(), cpu.command(),
                    cpu.query(), cpu.driver(), cpu.database() != null ? String.format(Locale.ROOT, " / %.2f",
                            cpu.database()) : "");
        }
        line("| median (min–max) | %s | %s | %s | | %s | |", b.spread().get("p50Ms").text("%.0f"),
                b.spread().get("p99Ms").text("%.0f"), b.spread().get("maxMs").text("%.0f"),
                b.spread().get("listenOverflows").text("%.0f"));
        line("");
    }

    private void visibility(Results.Visibility v) {
        line("## Visibility");
        line("");
        if (v == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("%d samples at %.0f deliveries/s: %s. Latencies count from intended send times, so a driver or server "
                + "that falls behind shows (no coordinated omission).", v.samples(), v.ratePerSec(), v.method());
        line("");
        line("| | p50 ms | p99 ms | p99.9 ms | max ms | not visible within 2 s |");
        line("|---|---:|---:|---:|---:|---:|");
        line("| 200 → readable | %s | %s | %s | %s | %d |", v.spread().get("p50Ms").text("%.1f"),
                v.spread().get("p99Ms").text("%.1f"), v.spread().get("p999Ms").text("%.1f"),
                v.spread().get("maxMs").text("%.1f"), v.notVisibleWithin2s());
        line("| intended send → readable | %s | %s | | | |", v.spread().get("endToEndP50Ms").text("%.1f"),
                v.spread().get("endToEndP99Ms").text("%.1f"));
        line("");
        Results.VisibilityRun run = v.runs().get(v.runs().size() - 1);
        Map<String, Latency> curves = new LinkedHashMap<>();
        curves.put("200 → readable", run.visible());
        curves.put("intended send → readable", run.endToEnd());
        curves.put("webhook latency (from its intended send time)", run.ingest());
        image("Visibility percentiles", charts.percentiles("visibility", "Visibility delay (last run)", curves));
    }

    private void reads(Results.Reads r) {
        line("## Reads");
        line("");
        if (r == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("Dashboard GETs with %,d events stored, **open loop** at fixed rates: each request for a random endpoint "
                + "(the nine dashboard reads, equally often) and a random id that has data, sent at its time whatever "
                + "the answers, its latency counted from its intended send time (no coordinated omission). Each rate "
                + "has an unmeasured lead-in. **Floor**: `%s`, %s; measured at the same rates (answers: %s).",
                r.storedEvents(), r.floor().request(), r.floor().why(), r.floor().statuses());
        line("");
        line("A rate the load generator stopped because the server was not keeping up (a second's worth of requests "
                + "waiting) is **not sustained**: a stopped run has no rate or latency to show, and is left out of the "
                + "figures of its rate.");
        line("");
        line("| rate/s | achieved/s | p50 ms | p99 ms | p99.9 ms | floor p50 ms | floor p99 ms | errors | sustained |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Map<String, Latency> curves = new LinkedHashMap<>();
        for (Results.OpenLoopLevel level : r.openLoop()) {
            Map<String, Spread> sp = level.spread();
            line("| %,.0f | %s | %s | %s | %s | %s | %s | %d | %s |", level.ratePerSec(),
                    orNotSustained(sp.get("achievedPerSec"), "%,.0f"), orNotSustained(sp.get("p50Ms"), "%.2f"),
                    orNotSustained(sp.get("p99Ms"), "%.2f"), orNotSustained(sp.get("p999Ms"), "%.2f"),
                    orNotSustained(sp.get("floorP50Ms"), "%.2f"), orNotSustained(sp.get("floorP99Ms"), "%.2f"),
                    level.errors(), sustained(level));
            if (level.latency() != null) {
                curves.put(f("dashboard reads at %,.0f/s", level.ratePerSec()), level.latency());
            }
            if (level.floorLatency() != null) {
                curves.put(f("floor at %,.0f/s", level.ratePerSec()), level.floorLatency());
            }
        }
        line("");
        r.openLoop().stream().filter(l -> l.firstError() != null).findFirst()
                .ifPresent(l -> line("First error: `%s`%n", l.firstError()));
        line("Per endpoint (p50 / p99 ms at each rate):");
        line("");
        StringBuilder header = new StringBuilder("| endpoint |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Results.OpenLoopLevel level : r.openLoop()) {
            header.append(f(" %,.0f/s |", level.ratePerSec()));
            rule.append("---:|");
        }
        line("%s", header);
        line("%s", rule);
        for (String endpoint : r.openLoop().get(0).endpoints().keySet()) {
            StringBuilder row = new StringBuilder("| `" + endpoint + "` |");
            for (Results.OpenLoopLevel level : r.openLoop()) {
                Results.EndpointReads e = level.endpoints().get(endpoint);
                row.append(e.p50Ms() == null || e.p99Ms() == null ? " not sustained |"
                        : f(" %.2f / %.2f |", e.p50Ms(), e.p99Ms()));
            }
            line("%s", row);
        }
        line("");
        Results.OperatorStatus status = r.operatorStatus();
        line("**Operator status** (`%s`, measured apart from the dashboard reads at %.0f/s): p50 %s ms, p99 %s ms, "
                + "%s ms of query-side CPU per call (above its idle rate). The harness makes this call to follow "
                + "catch-ups and rebuilds; the CPU table counts them.", status.request(), status.ratePerSec(),
                status.spread().get("p50Ms").text("%.2f"), status.spread().get("p99Ms").text("%.2f"),
                status.spread().get("cpuMsPerCall").text("%.2f"));
        line("");
        line("**Highest sustained rate: %s reads/s** — %s.", r.maxSustainable().spread().text("%,.0f"),
                r.maxSustainable().criterion());
        line("");
        for (int i = 0; i < r.maxSustainable().runs().size(); i++) {
            line("- run %d: %s", i + 1, String.join(", ", r.maxSustainable().runs().get(i).stream()
                    .map(p -> p.p99Ms() == null || p.achievedPerSec() == null
                            ? f("%,.0f/s → not sustained (stopped: overloaded) ✗", p.ratePerSec())
                            : f("%,.0f/s → p99 %.1f ms, %,.0f/s achieved %s", p.ratePerSec(), p.p99Ms(),
                            p.achievedPerSec(), p.sustained() ? "✓" : "✗")).toList()));
        }
        line("");
        image("Read latency percentiles", charts.percentiles("reads-latency", "Dashboard reads and the floor, open loop "
                + "(all runs)", curves));
        Map<String, List<double[]>> byRate = new LinkedHashMap<>();
        // A rate not measured (stopped for overload) is no point on the curve, not a point at 0 ms.
        byRate.put("dashboard p50", r.openLoop().stream().filter(l -> l.p50Ms() != null)
                .map(l -> new double[]{l.ratePerSec(), l.p50Ms()}).toList());
        byRate.put("dashboard p99", r.openLoop().stream().filter(l -> l.p99Ms() != null)
                .map(l -> new double[]{l.ratePerSec(), l.p99Ms()}).toList());
        byRate.put("floor p99", r.openLoop().stream().filter(l -> l.floorP99Ms() != null)
                .map(l -> new double[]{l.ratePerSec(), l.floorP99Ms()}).toList());
        image("Read latency by rate", charts.lines("reads-by-rate", "Read latency by offered rate (medians)",
                "requests per second", "ms", byRate, null, null));
    }

    /** A figure's spread, or "not sustained" when no run of its rate ran its course. */
    static String orNotSustained(Spread spread, String format) {
        return spread == null || spread.runs().isEmpty() ? "not sustained" : spread.text(format);
    }

    /** "yes", or "no" with the runs stopped for overload. */
    static String sustained(Results.OpenLoopLevel level) {
        if (level.sustained()) {
            return "yes";
        }
        return level.stoppedRuns() == 0 ? "no" : f("no (%d run%s stopped for overload)", level.stoppedRuns(),
                level.stoppedRuns() == 1 ? "" : "s");
    }

    private void dashboard(Results.Dashboard d) {
        line("## Dashboard page");
        line("");
        if (d == null) {
            line("Not measured.");
            line("");
            return;
        }
        if (d.firstRenderMs() == null) {
            line("%s.", d.status());
            line("");
            return;
        }
        line("First meaningful render of the dashboard at `/` with %,d events stored: Debian's headless Chromium, on "
                + "the same cores as both applications, signs in with the reader token and reloads the page %d times "
                + "per run; each figure is the page's own mark from navigation start to the overview's totals and "
                + "chart drawn. **%s ms** (median of the runs' medians, lowest and highest run).", d.storedEvents(),
                d.reloadsPerRun(), d.spread().get("firstRenderMs").text("%,.0f"));
        line("");
        for (int i = 0; i < d.runs().size(); i++) {
            line("- run %d: %s ms", i + 1, String.join(", ", d.runs().get(i).stream().map(v -> f("%,.0f", v)).toList()));
        }
        line("");
    }

    private void replay(Results.Replay r, Results.Reads reads) {
        line("## Replay");
        line("");
        if (r == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("Every view rebuilt from %,d stored events. Status: **%s**. %s.", r.events(), r.status(), r.detail());
        line("");
        if (r.rawRead() != null) {
            line("Baseline: the fastest plain JDBC read of the events table, every column in global order, from "
                    + "another process as the query side reads it; every way is measured in every run, the fastest "
                    + "(**%s**) is the baseline. Rebuilding any number of views must read the store at least once, so "
                    + "every rate below (all views, each view within them, each view alone) is divided by the same "
                    + "baseline.", r.rawRead().fastest());
            line("");
            line("| raw read | events/s | how |");
            line("|---|---:|---|");
            r.rawRead().eventsPerSec().forEach((method, spread) -> line("| %s | %s | %s |", method,
                    spread.text("%,.0f"), r.rawRead().methods().get(method)));
            line("");
        }
        if (r.eventsPerSec() == null) {
            return;
        }
        line("| | events/s | ratio to raw read | seconds |");
        line("|---|---:|---:|---:|");
        line("| **all views at once** | %s | %s | %s |", r.spread().get("eventsPerSec").text("%,.0f"),
                r.spread().get("ratio").text("%.3f", "×"), r.spread().get("seconds").text("%.1f"));
        line("");
        line("| view | events/s within all | ratio | events/s alone | ratio | CPU µs per event alone: command / query / driver%s |",
                r.cpuSeconds() != null && r.cpuSeconds().database() != null ? " / database" : "");
        line("|---|---:|---:|---:|---:|---:|");
        for (Results.ViewReplay v : r.views()) {
            Results.CpuPerEvent cpu = v.soloCpuMicrosPerEvent();
            line("| %s | %s | %s | %s | %s | %s |", v.name(), v.spread().get("eventsPerSec").text("%,.0f"),
                    v.ratio() == null ? "—" : f("%.3f×", v.ratio()), v.spread().get("soloEventsPerSec").text("%,.0f"),
                    v.soloRatio() == null ? "—" : f("%.3f×", v.soloRatio()), cpu == null ? "—"
                            : f("%.0f / %.0f / %.0f%s", cpu.command(), cpu.query(), cpu.driver(),
                            cpu.database() == null ? "" : f(" / %.0f", cpu.database())));
        }
        line("");
        long polls = r.runs().stream().mapToLong(Results.ReplayRun::statusPolls).sum();
        Double perCall = reads == null || reads.operatorStatus() == null ? null : reads.operatorStatus().cpuMsPerCall();
        line("The harness watched the rebuilds of all views with %,d status calls in all%s.", polls, perCall == null ? ""
                : f(", about %.1f s of the query side's CPU at %.2f ms per call (%.1f %% of its CPU in those rebuilds)",
                polls * perCall / 1000, perCall, r.cpuSeconds().query() > 0
                        ? polls * perCall / 10 / r.cpuSeconds().query() : 0.0));
        line("");
        Results.ReplayRun last = r.runs().get(r.runs().size() - 1);
        image("Rebuild progress", charts.lines("replay-progress", "Rebuild progress per view (last run, all at once)",
                "seconds since the replay requests", "events applied", last.progress(), null, null));
    }

    private void cpu() {
        List<Results.CpuPhase> phases = results.cpu();
        if (phases == null || phases.isEmpty()) {
            return;
        }
        line("## CPU per process and phase");
        line("");
        line("User + system CPU seconds from `/proc/<pid>/stat`: the command side (on H2 the database engine runs "
                + "inside it), the query side, the driver (load generation, HTTP client, polling; also the JDBC "
                + "baselines, with their embedded H2), PostgreSQL's backends serving the run's database (when on "
                + "PostgreSQL), and *other*: what the rest of the machine used meanwhile (`/proc/stat`). Status "
                + "calls are the harness's own `/api/projections` calls during the phase (their query-side cost is "
                + "in the Reads section).");
        line("");
        Map<String, List<Results.CpuPhase>> groups = new LinkedHashMap<>();
        for (Results.CpuPhase phase : phases) {
            groups.computeIfAbsent(group(phase.name()), g -> new ArrayList<>()).add(phase);
        }
        boolean database = phases.stream().anyMatch(p -> p.cpuSeconds().database() != null);
        line("| phase | times | seconds | command | query | driver |%s other | status calls |", database ? " database |" : "");
        line("|---|---:|---:|---:|---:|---:|%s---:|---:|", database ? "---:|" : "");
        Map<String, List<Double>> bars = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        for (Map.Entry<String, List<Results.CpuPhase>> group : groups.entrySet()) {
            List<Results.CpuSeconds> parts = group.getValue().stream().map(Results.CpuPhase::cpuSeconds).toList();
            double wall = parts.stream().mapToDouble(Results.CpuSeconds::wallSeconds).sum();
            double command = parts.stream().mapToDouble(Results.CpuSeconds::command).sum();
            double query = parts.stream().mapToDouble(Results.CpuSeconds::query).sum();
            double driver = parts.stream().mapToDouble(Results.CpuSeconds::driver).sum();
            double db = parts.stream().mapToDouble(c -> c.database() == null ? 0 : c.database()).sum();
            double other = parts.stream().mapToDouble(Results.CpuSeconds::other).sum();
            long polls = group.getValue().stream().mapToLong(Results.CpuPhase::statusPolls).sum();
            line("| %s | %d | %.1f | %.1f | %.1f | %.1f |%s %.1f | %,d |", group.getKey(), group.getValue().size(), wall,
                    command, query, driver, database ? f(" %.1f |", db) : "", other, polls);
            categories.add(group.getKey());
            bars.computeIfAbsent("command", k -> new ArrayList<>()).add(command);
            bars.computeIfAbsent("query", k -> new ArrayList<>()).add(query);
            bars.computeIfAbsent("driver", k -> new ArrayList<>()).add(driver);
            if (database) {
                bars.computeIfAbsent("database", k -> new ArrayList<>()).add(db);
            }
            bars.computeIfAbsent("other", k -> new ArrayList<>()).add(other);
        }
        line("");
        line("Every phase on its own, with its start and end in seconds since the run began, is in `cpu` of the JSON.");
        line("");
        image("CPU seconds per phase", charts.bars("cpu", "CPU seconds per process and phase", "CPU seconds", categories, bars));
    }

    /** Phases of one kind together: "ingest, run 2/3 c=16" and "ingest, run 1/3 c=4" are both "ingest steps". */
    private static String group(String phase) {
        String lower = phase.toLowerCase(Locale.ROOT);
        if (lower.startsWith("warm-up") || lower.startsWith("ingest warm-up")) {
            return "warm-up (not measured)";
        }
        if (lower.startsWith("ingest with")) {
            return "ingest at scale steps";
        }
        if (lower.startsWith("ingest")) {
            return "ingest steps";
        }
        if (lower.startsWith("baseline: one event row")) {
            return "floor baseline (JDBC)";
        }
        if (lower.startsWith("baseline: the rows")) {
            return "same-rows baseline (JDBC)";
        }
        if (lower.startsWith("catch-up")) {
            return "views catching up";
        }
        if (lower.startsWith("bulk loading")) {
            return "bulk loading";
        }
        if (lower.startsWith("burst")) {
            return "burst";
        }
        if (lower.startsWith("visibility")) {
            return "visibility";
        }
        if (lower.startsWith("replay of all")) {
            return "replay, all views";
        }
        if (lower.startsWith("replay of")) {
            return "replay, each view alone";
        }
        if (lower.startsWith("floor")) {
            return "reads: floor";
        }
        if (lower.startsWith("dashboard reads")) {
            return "reads: dashboard";
        }
        if (lower.startsWith("highest sustained")) {
            return "reads: probing the highest rate";
        }
        if (lower.startsWith("operator status")) {
            return "reads: operator status";
        }
        return phase.replaceAll(" run \\d+.*", "");
    }

    private void memory(Results.Memory memory) {
        line("## Memory");
        line("");
        if (memory == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("Peak resident set (VmHWM of `/proc/<pid>/status`) of each JVM in MiB (2^20 bytes), %s.",
                memory.peakResetPerPhase() ? "reset at the start of each phase"
                        : "since the process started (the kernel refused a reset)");
        line("");
        line("| phase | command side MiB | query side MiB |");
        line("|---|---:|---:|");
        memory.phases().forEach((phase, p) -> line("| %s | %.0f | %.0f |", phase, p.commandPeakMb(), p.queryPeakMb()));
        line("| **peak** | **%.0f** | **%.0f** |", memory.commandRssMb(), memory.queryRssMb());
        line("");
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        series.put("command side", results.timeline().commandRssMb());
        series.put("query side", results.timeline().queryRssMb());
        image("Resident memory over the run", charts.lines("memory", "Resident memory (RSS) of each JVM",
                "seconds since start", "MiB", series, 512.0, "target 512 MiB"));
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

    private static String perDelivery(Results.CpuPerDelivery cpu) {
        if (cpu == null) {
            return "—";
        }
        return f("%.2f / %.2f / %.2f%s", cpu.command(), cpu.query(), cpu.driver(),
                cpu.database() == null ? "" : f(" / %.2f", cpu.database()));
    }

    /** The run whose figure is the median (the lower middle one of an even count). */
    private static <T> T medianRun(List<T> runs, Function<T, Double> figure) {
        List<T> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(figure));
        return sorted.get((sorted.size() - 1) / 2);
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

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
