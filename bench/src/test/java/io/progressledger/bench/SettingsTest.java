package io.progressledger.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    @Test
    void every_figure_is_measured_three_times_in_every_scenario_by_default() {
        Settings settings = Settings.parse();

        assertEquals(3, settings.repetitions());
        Settings.SCENARIOS.forEach(scenario -> assertTrue(settings.runs(scenario), scenario));
        assertEquals(16, settings.headlineConcurrency());
        assertEquals(List.of(100, 500, 1000), settings.readRates());
        assertNull(settings.poolSize(), "the baselines take the command side's pool size unless told");
        assertFalse(settings.allowBusy());
    }

    @Test
    void a_run_can_be_limited_to_some_scenarios_and_repetitions() {
        Settings settings = Settings.parse("--scenarios", "ingest,replay", "--repetitions", "1");

        assertTrue(settings.runs("ingest"));
        assertTrue(settings.runs("replay"));
        assertFalse(settings.runs("reads"));
        assertFalse(settings.runs("exactly-once"));
        assertEquals(1, settings.repetitions());
    }

    @Test
    void another_build_is_measured_by_naming_its_jars() {
        Settings settings = Settings.parse("--command-jar", "/tmp/before/command-side.jar", "--query-jar",
                "/tmp/before/query-side.jar", "--label", "before");

        assertEquals(Path.of("/tmp/before/command-side.jar"), settings.commandJar());
        assertEquals(Path.of("/tmp/before/query-side.jar"), settings.queryJar());
        assertEquals("before", settings.label());
    }

    @Test
    void unknown_scenarios_odd_labels_and_no_repetition_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> Settings.parse("--scenarios", "ingest,speed"));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse("--label", "../../etc"));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse("--repetitions", "0"));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse("--readers", "50"));
    }
}
