package io.progressledger.query.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./ledger} hands the admin token to curl in a header file only this user can read, never as an argument:
 * a process's arguments are visible to every user of the machine ({@code ps}, {@code /proc/<pid>/cmdline}). A
 * stand-in {@code curl} first on the PATH records exactly what the real one would be given.
 */
class LedgerCredentialsTest {

    private static final Path LEDGER = Path.of("..", "ledger").toAbsolutePath().normalize();
    private static final String TOKEN = "ledger-admin-Hq3Vn8Zc1Tw6Ry4K";

    @TempDir
    Path dir;

    @Test
    void the_admin_token_is_never_in_curl_s_arguments_and_its_header_file_is_private_and_removed()
            throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path recorded = dir.resolve("recorded");
        Path curl = bin.resolve("curl");
        // Records its arguments, the header files it is given (with their permissions), and answers 200 {}.
        Files.writeString(curl, """
                #!/usr/bin/env bash
                printf '%s\\n' "$@" >> "$RECORDED/args"
                out=""
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -H) case "$2" in @*) f=${2#@}; stat -c '%a' "$f" >> "$RECORDED/modes"; cat "$f" >> "$RECORDED/headers"; echo "$f" >> "$RECORDED/files";; esac; shift 2 ;;
                    -o) out=$2; shift 2 ;;
                    *) shift ;;
                  esac
                done
                if [ -n "$out" ]; then printf '{"items":[]}' > "$out"; printf '200'; else printf '{"items":[]}'; fi
                """);
        Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(recorded);

        ProcessBuilder builder = new ProcessBuilder("bash", LEDGER.toString(), "status");
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("RECORDED", recorded.toString());
        builder.environment().put("LEDGER_ADMIN_TOKEN", TOKEN);
        builder.redirectErrorStream(true);
        Process ledger = builder.start();
        String output = new String(ledger.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ledger.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(ledger.exitValue()).as(output).isZero();
        assertThat(Files.readString(recorded.resolve("args"))).as("curl's arguments").doesNotContain(TOKEN);
        assertThat(Files.readString(recorded.resolve("headers"))).contains("Authorization: Bearer " + TOKEN);
        assertThat(Files.readAllLines(recorded.resolve("modes"))).containsOnly("600");
        List<String> files = Files.readAllLines(recorded.resolve("files"));
        assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(Path.of(file)).doesNotExist());
    }
}
