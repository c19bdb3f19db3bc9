package io.progressledger.bench.report;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Before and after: the headline figures of two results files side by side, as a Markdown table, each with its
 * spread ({@code java -jar bench.jar --compare before.json after.json}). The two runs should come from the same
 * machine, database and command line, one after the other; the table says when they do not.
 */
public final class Comparison {

    private final JsonNode before;
    private final JsonNode after;
    private final List<String> rows = new ArrayList<>();

    private Comparison(JsonNode before, JsonNode after) {
        this.before = before;
        this.after = after;
    }

    public static String render(Path beforeFile, Path afterFile) {
        JsonMapper json = JsonMapper.builder().build();
        Comparison comparison = new Comparison(json.readTree(beforeFile.toFile()), json.readTree(afterFile.toFile()));
        return comparison.table(beforeFile.getFileName().toString(), afterFile.getFileName().toString());
    }

    private String table(String beforeName, String afterName) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "| figure | before: `%s` | after: `%s` | after / before |%n", beforeName, afterName));
        md.append("|---|---:|---:|---:|\n");
        for (JsonNode level : after.at("/scenarios/ingest/levels")) {
            String concurrency = level.path("concurrency").asString();
            String b = element(before, "/scenarios/ingest/levels", "concurrency", concurrency);
            String a = element(after, "/scenarios/ingest/levels", "concurrency", concurrency);
            row("ingest accepted/s, " + concurrency + " senders", b, a, "/spread/perSec", "%,.0f");
            row("  ratio to same rows", b, a, "/spread/sameRowsRatio", "%.3f");
            row("  p99 ms", b, a, "/spread/p99Ms", "%.1f");
            row("  command CPU ms per delivery", b, a, "/spread/commandCpuMsPerDelivery", "%.2f");
        }
        row("burst p50 ms", "/scenarios/burst/spread/p50Ms", "%,.0f");
        row("burst p99 ms", "/scenarios/burst/spread/p99Ms", "%,.0f");
        row("visibility p50 ms", "/scenarios/visibility/spread/p50Ms", "%.1f");
        row("visibility p99 ms", "/scenarios/visibility/spread/p99Ms", "%.1f");
        row("replay, all views, events/s", "/scenarios/replay/spread/eventsPerSec", "%,.0f");
        row("  ratio to the raw read", "/scenarios/replay/spread/ratio", "%.3f");
        for (JsonNode level : after.at("/scenarios/reads/openLoop")) {
            String rate = level.path("ratePerSec").asString();
            readsRow(String.format(Locale.ROOT, "reads p99 ms at %,.0f/s", level.path("ratePerSec").asDouble()),
                    before.at(element(before, "/scenarios/reads/openLoop", "ratePerSec", rate)),
                    after.at(element(after, "/scenarios/reads/openLoop", "ratePerSec", rate)));
        }
        row("reads, highest sustained rate/s", "/scenarios/reads/spread/maxSustainablePerSec", "%,.0f");
        row("dashboard first render ms", "/scenarios/dashboard/spread/firstRenderMs", "%,.0f");
        row("peak RSS command side MiB", "/scenarios/memory/commandRssMb", "%.0f");
        row("peak RSS query side MiB", "/scenarios/memory/queryRssMb", "%.0f");
        rows.forEach(md::append);
        md.append('\n');
        for (String field : List.of("/db", "/settings/events", "/settings/repetitions", "/machine/cpu", "/machine/cores")) {
            if (!before.at(field).toString().equals(after.at(field).toString())) {
                md.append(String.format(Locale.ROOT, "Not comparable as they stand: %s is %s before and %s after.%n",
                        field.substring(field.lastIndexOf('/') + 1), before.at(field), after.at(field)));
            }
        }
        for (JsonNode run : List.of(before, after)) {
            if (!run.at("/machine/quietCheck/quiet").asBoolean(true)) {
                md.append(String.format(Locale.ROOT, "The run of %s started on a busy machine (%s %% busy).%n",
                        run.path("startedAt").asString(), run.at("/machine/quietCheck/busyPercent")));
            }
        }
        return md.toString();
    }

    /** The pointer to the element of the list at {@code list} whose {@code field} is {@code value}; "/none" if none. */
    private static String element(JsonNode run, String list, String field, String value) {
        JsonNode elements = run.at(list);
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).path(field).asString().equals(value)) {
                return list + "/" + i;
            }
        }
        return "/none";
    }

    private void row(String name, String pointer, String format) {
        row(name, pointer, pointer, "", format);
    }

    /** A figure's median and spread in both runs; a number without a spread (one run, or a plain figure) as it is. */
    private void row(String name, String beforeAt, String afterAt, String pointer, String format) {
        JsonNode b = before.at(beforeAt + pointer);
        JsonNode a = after.at(afterAt + pointer);
        if (b.isMissingNode() && a.isMissingNode()) {
            return;
        }
        double bm = median(b);
        double am = median(a);
        String change = Double.isNaN(bm) || Double.isNaN(am) || bm == 0 ? "—"
                : String.format(Locale.ROOT, "%.2f×", am / bm);
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", name, text(b, format), text(a, format), change));
    }

    /**
     * A read rate's p99 in both runs. A rate the load generator stopped for overload has no latency: it reads "not
     * sustained", never 0 ms, and has no ratio; one measured but outside the criterion says so after its figure.
     */
    private void readsRow(String name, JsonNode beforeLevel, JsonNode afterLevel) {
        if (beforeLevel.isMissingNode() && afterLevel.isMissingNode()) {
            return;
        }
        boolean measured = !unmeasured(beforeLevel) && !unmeasured(afterLevel);
        double bm = median(beforeLevel.at("/spread/p99Ms"));
        double am = median(afterLevel.at("/spread/p99Ms"));
        String change = !measured || Double.isNaN(bm) || Double.isNaN(am) || bm == 0 ? "—"
                : String.format(Locale.ROOT, "%.2f×", am / bm);
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", name, readsText(beforeLevel),
                readsText(afterLevel), change));
    }

    private static String readsText(JsonNode level) {
        if (level.isMissingNode()) {
            return "—";
        }
        if (unmeasured(level)) {
            return "not sustained";
        }
        String figure = text(level.at("/spread/p99Ms"), "%.2f");
        return level.path("sustained").isBoolean() && !level.path("sustained").asBoolean()
                ? figure + " (not sustained)" : figure;
    }

    /**
     * No run of the rate ran its course: no p99 was measured, or (results written before the flag existed, which
     * reported such a rate as 0/s and 0 ms) no request was measured at all.
     */
    private static boolean unmeasured(JsonNode level) {
        if (level.isMissingNode()) {
            return false;
        }
        return !level.at("/spread/p99Ms/median").isNumber()
                || (level.path("requests").isNumber() && level.path("requests").asLong() == 0);
    }

    private static double median(JsonNode figure) {
        if (figure.isNumber()) {
            return figure.asDouble();
        }
        return figure.path("median").isNumber() ? figure.path("median").asDouble() : Double.NaN;
    }

    private static String text(JsonNode figure, String format) {
        if (figure.isNumber()) {
            return String.format(Locale.ROOT, format, figure.asDouble());
        }
        if (!figure.path("median").isNumber()) {
            return "—";
        }
        List<Double> runs = new ArrayList<>();
        figure.path("runs").forEach(r -> runs.add(r.asDouble()));
        return new Spread(figure.path("median").asDouble(), figure.path("min").asDouble(), figure.path("max").asDouble(),
                runs).text(format);
    }
}
