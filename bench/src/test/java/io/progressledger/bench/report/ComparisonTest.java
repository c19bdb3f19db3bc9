package io.progressledger.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {

    @TempDir
    Path directory;

    @Test
    void levels_are_matched_by_concurrency_not_by_position() throws IOException {
        Path before = run("before.json", "h2", "[" + level(4, 400) + "," + level(16, 500) + "]");
        Path after = run("after.json", "h2", "[" + level(16, 1000) + "]");

        String table = Comparison.render(before, after);

        assertTrue(table.contains("| ingest accepted/s, 16 senders | 500 (450–550) | 1,000 (950–1,050) | 2.00× |"), table);
        assertFalse(table.contains("4 senders"), "a level the after run did not measure is left out");
        assertFalse(table.contains("Not comparable"), table);
    }

    @Test
    void runs_on_different_databases_are_said_not_comparable() throws IOException {
        String table = Comparison.render(run("a.json", "h2", "[]"), run("b.json", "postgres", "[]"));

        assertTrue(table.contains("Not comparable as they stand: db is \"h2\" before and \"postgres\" after."), table);
    }

    private Path run(String name, String db, String levels) throws IOException {
        return Files.writeString(directory.resolve(name), "{\"db\":\"" + db + "\",\"settings\":{\"events\":1000},"
                + "\"machine\":{\"cores\":2},\"scenarios\":{\"ingest\":{\"levels\":" + levels + "}}}");
    }

    private static String level(int concurrency, double perSec) {
        return "{\"concurrency\":" + concurrency + ",\"spread\":{\"perSec\":{\"median\":" + perSec + ",\"min\":"
                + (perSec - 50) + ",\"max\":" + (perSec + 50) + ",\"runs\":[" + (perSec - 50) + "," + perSec + ","
                + (perSec + 50) + "]}}}";
    }
}
