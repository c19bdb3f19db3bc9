package io.progressledger.bench.scenario;

import io.progressledger.bench.load.Catalog;
import io.progressledger.bench.load.Tally;
import io.progressledger.bench.report.Results;
import io.progressledger.bench.store.StoreAudit;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exactly once, after every scenario (the views are the rebuilt ones when the replay ran): the store holds one event
 * per accepted delivery plus the bulk-loaded ones, every accepted answer's event is there, no fact is stored twice,
 * every repeat was answered as one, and every view shows what the store holds: per program, per day, per course and
 * per trail in full; per talent and per learner for a sample.
 */
final class ExactlyOnceCheck {

    private final RunContext context;
    private final QueryApi api;
    private final List<Results.ViewCheck> views = new ArrayList<>();

    ExactlyOnceCheck(RunContext context) {
        this.context = context;
        this.api = context.queryApi();
    }

    Results.ExactlyOnce run() {
        Views.awaitCaughtUp(context, "before the exactly-once check");
        long stored = context.store().count();
        AtomicLong scanned = context.progress().start("exactly once: reading every stored event", stored, "events", null);
        StoreAudit.Facts facts = StoreAudit.scan(context.store(), context.json(), scanned);
        context.progress().finish(String.format(java.util.Locale.ROOT, "%,d events: %s", facts.events(), facts.byType()));

        context.progress().start("exactly once: comparing every view with the store", 0, "", null);
        programFunnel(facts);
        dailyActivity(facts);
        courses(facts);
        trails(facts);
        talentSample();
        learnerSample();

        Tally tally = context.tally();
        BitSet missing = tally.positions();
        missing.andNot(facts.positions());
        long bulk = context.bulkLoaded().get();
        long expected = tally.accepted() + bulk;
        long viewMismatches = views.stream().mapToLong(Results.ViewCheck::mismatches).sum();
        boolean exact = facts.events() == expected && tally.eventsAnswered() == tally.accepted()
                && missing.isEmpty() && facts.duplicateFacts() == 0 && facts.duplicateEventIdentifiers() == 0
                && tally.unexpectedTotal() == 0 && tally.failed() == 0 && viewMismatches == 0;
        context.progress().finish((exact ? "exact" : "NOT EXACT") + String.format(java.util.Locale.ROOT,
                ": %,d events stored = %,d accepted + %,d bulk-loaded; %d duplicate facts; %d view mismatches",
                facts.events(), tally.accepted(), bulk, facts.duplicateFacts(), viewMismatches));
        return new Results.ExactlyOnce(exact, tally.accepted(), tally.eventsAnswered(), bulk, facts.events(), expected,
                missing.cardinality(), facts.duplicateFacts(), facts.duplicateEventIdentifiers(), tally.duplicatesSent(),
                tally.duplicates(), tally.invalidSent(), tally.rejected(), tally.failed(), tally.unexpected(),
                tally.unexpectedExamples(), List.copyOf(views));
    }

    private void programFunnel(StoreAudit.Facts facts) {
        Check check = new Check("program-funnel", "per program: unlocked blocks and their statuses");
        for (int p = 0; p < Catalog.PROGRAMS; p++) {
            String programId = context.catalog().programId(p);
            long expectedUnlocked = facts.unlockedByProgram().getOrDefault(programId, 0L);
            QueryApi.Reply reply = api.get("/api/programs/" + programId + "/funnel");
            if (reply.status() == 404 && expectedUnlocked == 0) {
                check.ok();
                continue;
            }
            JsonNode funnel = context.json().readTree(reply.body());
            check.compare("program " + programId + " unlocked", expectedUnlocked, funnel.path("unlocked").asLong());
            Map<String, Long> expectedStatus = facts.blockStatusByProgram().getOrDefault(programId, Map.of());
            for (String status : union(expectedStatus.keySet(), names(funnel.path("statusCounts")))) {
                check.compare("program " + programId + " " + status, expectedStatus.getOrDefault(status, 0L),
                        funnel.path("statusCounts").path(status).asLong(0));
            }
        }
        views.add(check.result());
    }

    private void dailyActivity(StoreAudit.Facts facts) {
        Check check = new Check("daily-activity", "per day of " + Catalog.YEAR_FROM.substring(0, 4) + ": unlocks and completions");
        JsonNode daily = api.json("/api/stats/daily?from=" + Catalog.YEAR_FROM + "&to=" + Catalog.YEAR_TO);
        Map<LocalDate, long[]> shown = new HashMap<>();
        daily.path("items").forEach(day -> shown.put(LocalDate.parse(day.path("day").asString()),
                new long[]{day.path("unlocks").asLong(), day.path("completions").asLong()}));
        TreeSet<LocalDate> days = new TreeSet<>(shown.keySet());
        days.addAll(facts.unlocksByDay().keySet());
        days.addAll(facts.completionsByDay().keySet());
        for (LocalDate day : days) {
            long[] view = shown.getOrDefault(day, new long[2]);
            check.compare(day + " unlocks", facts.unlocksByDay().getOrDefault(day, 0L), view[0]);
            check.compare(day + " completions", facts.completionsByDay().getOrDefault(day, 0L), view[1]);
        }
        views.add(check.result());
    }

    private void courses(StoreAudit.Facts facts) {
        Check check = new Check("course-completions", "per course: completions that include it");
        Map<Long, Long> shown = new HashMap<>();
        api.all("/api/courses").forEach(course -> shown.put(course.path("courseId").asLong(), course.path("completions").asLong()));
        for (Long course : union(facts.completionsByCourse().keySet(), shown.keySet())) {
            check.compare("course " + course, facts.completionsByCourse().getOrDefault(course, 0L), shown.getOrDefault(course, 0L));
        }
        views.add(check.result());
    }

    private void trails(StoreAudit.Facts facts) {
        Check check = new Check("trail-completions", "per trail: every completion, paged through");
        for (Long trail : union(facts.completionsByTrail().keySet(), new TreeSet<>(Catalog.trailIds()))) {
            long expected = facts.completionsByTrail().getOrDefault(trail, 0L);
            QueryApi.Reply first = api.get("/api/trails/" + trail + "/completions?limit=1");
            long shown = first.status() == 404 ? 0 : api.all("/api/trails/" + trail + "/completions").size();
            check.compare("trail " + trail, expected, shown);
        }
        views.add(check.result());
    }

    private void talentSample() {
        Check check = new Check("talent-progress", "per talent (sample): blocks and their statuses");
        SplittableRandom random = new SplittableRandom(context.settings().seed() + 11);
        for (int talent : context.world().recordedTalents(random, context.settings().auditSample())) {
            int steps = context.world().stepsOf(talent);
            Map<String, Long> expected = new HashMap<>();
            expected.put("FINISHED", (long) (steps / Catalog.STAGES));
            if (steps % Catalog.STAGES != 0) {
                expected.merge(Catalog.STATUSES[steps % Catalog.STAGES - 1], 1L, Long::sum);
            }
            String talentId = context.catalog().talentId(talent);
            JsonNode summary = api.json("/api/talents/" + talentId);
            check.compare("talent " + talentId + " blocks", (steps + Catalog.STAGES - 1) / Catalog.STAGES,
                    summary.path("blocks").asLong());
            for (String status : Catalog.STATUSES) {
                check.compare("talent " + talentId + " " + status, expected.getOrDefault(status, 0L),
                        summary.path("statusCounts").path(status).asLong(0));
            }
        }
        views.add(check.result());
    }

    private void learnerSample() {
        Check check = new Check("trail-completions (learners)", "per learner (sample): completions of each trail");
        SplittableRandom random = new SplittableRandom(context.settings().seed() + 13);
        Catalog catalog = context.catalog();
        for (int learner : context.world().recordedLearners(random, context.settings().auditSample())) {
            Map<Long, Long> shown = new HashMap<>();
            api.all("/api/learners/" + catalog.institutionId(learner) + "/" + catalog.toolzzUserId(learner) + "/trails")
                    .forEach(item -> shown.put(item.path("trailId").asLong(), item.path("completionCount").asLong()));
            for (int slot = 0; slot < Catalog.TRAIL_SLOTS; slot++) {
                long trail = catalog.trailId(learner, slot);
                check.compare("learner " + learner + " trail " + trail, context.world().completionsOf(learner, slot),
                        shown.getOrDefault(trail, 0L));
            }
        }
        views.add(check.result());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private static <T extends Comparable<T>> TreeSet<T> union(java.util.Collection<T> a, java.util.Collection<T> b) {
        TreeSet<T> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Comparisons of one view, keeping the first few differences. */
    private static final class Check {

        private final String view;
        private final String what;
        private long checked;
        private long mismatches;
        private final List<String> examples = new ArrayList<>();

        Check(String view, String what) {
            this.view = view;
            this.what = what;
        }

        void ok() {
            checked++;
        }

        void compare(String item, long expected, long shown) {
            checked++;
            if (expected != shown) {
                mismatches++;
                if (examples.size() < 5) {
                    examples.add(item + ": store " + expected + ", view " + shown);
                }
            }
        }

        Results.ViewCheck result() {
            return new Results.ViewCheck(view, what, checked, mismatches, List.copyOf(examples));
        }
    }
}
