package io.progressledger.query.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One of the applications running as it does in production: its own JVM started from its executable jar, with a
 * bounded heap, configured by command-line properties, answering on a port of its own. Its output goes to
 * {@code target/process-logs/<name>.log}.
 */
public final class ApplicationProcess implements AutoCloseable {

    public static final Path COMMAND_JAR = Path.of("..", "command-side", "target", "command-side.jar");
    public static final Path QUERY_JAR = Path.of("target", "query-side.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ApplicationProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** The key-encryption key of this test run's applications (base64 of 32 random bytes). */
    public static final String KEY_ENCRYPTION_KEY = randomKey();
    /** The audit signing key of this test run's applications. */
    public static final String SIGNING_KEY = randomKey();

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    public static ApplicationProcess start(String name, Path jar, int port, Map<String, String> properties) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run ./mvnw verify from the "
                    + "project root, which packages both applications before the end-to-end tests");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Path log = Files.createDirectories(Path.of("target", "process-logs")).resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            if (!properties.containsKey("progress.personal-data.current-kek")) {
                // Every application of this test run holds the same secret keys, from the environment as in
                // production (not on the command line, where any local user could read them).
                builder.environment().put("PROGRESS_PERSONALDATA_KEKS_E2E", KEY_ENCRYPTION_KEY);
                builder.environment().put("PROGRESS_PERSONALDATA_CURRENTKEK", "e2e");
                builder.environment().put("PROGRESS_AUDIT_SIGNINGKEYS_E2E", SIGNING_KEY);
                builder.environment().put("PROGRESS_AUDIT_CURRENTSIGNINGKEY", "e2e");
            }
            ApplicationProcess started = new ApplicationProcess(name, port, builder.start(), log);
            try {
                started.awaitReady();
            } catch (RuntimeException notReady) {
                // Nobody holds a reference to a process that never became ready: stop it here, or it outlives the
                // test (and the build) as an orphan JVM.
                started.kill();
                throw notReady;
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Where its output goes (appended to, across restarts). */
    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    /** A graceful stop (SIGTERM), as an orchestrator does it; waits until the process is gone. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    /** A crash (SIGKILL): no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitReady() {
        // Generous: a JVM that exits early fails at once below; on a loaded 2-core machine a query node took 89 s to
        // start while three other application JVMs and a build ran (MultiNodeIT timed out at 90 s).
        await(name + " answering on port " + port)
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue()
                                + "; see target/process-logs/" + name + ".log");
                    }
                    return answers();
                });
    }

    private boolean answers() {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(url("/"))).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
