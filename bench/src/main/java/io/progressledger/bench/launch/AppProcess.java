package io.progressledger.bench.launch;

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

/**
 * One application as it runs in production: its own JVM from its executable jar, a bounded heap, configured by
 * command-line properties, on a port of its own. Its output goes to a log file of the run.
 */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private AppProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static AppProcess start(String name, Path jar, String heap, List<String> arguments,
                                   Map<String, String> environment, Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath().normalize() + " is missing: build the applications "
                    + "first (./mvnw -q -pl bench -am package), or name the jar with --command-jar/--query-jar");
        }
        int port = freePort();
        // The JVM settings of the applications' Dockerfiles (JAVA_TOOL_OPTIONS there, MALLOC_ARENA_MAX below): heap,
        // class metadata and compiled code capped to stay under 512 MB resident; the serial collector.
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap, "-XX:MaxMetaspaceSize=160m",
                "-XX:ReservedCodeCacheSize=96m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar",
                jar.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            Path log = Files.createDirectories(logDir).resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(logDir.getParent().toFile()) // relative paths (./data) land in the run's directory
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            builder.environment().putAll(environment);
            AppProcess started = new AppProcess(name, port, builder.start(), log);
            started.awaitReady(Duration.ofSeconds(180));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A graceful stop (SIGTERM), as an orchestrator does it. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Ready means the readiness probe answers 200: migrations ran, processors started, the port is open. */
    private void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (ready()) {
                return;
            }
            Pause.millis(200);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + within.toSeconds() + " s; see " + log);
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = PROBE.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
