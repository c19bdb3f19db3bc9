package io.progressledger.query.endtoend;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' commands of the README ({@code ./ledger export | verify | replay | history | deliveries | erase |
 * purge}), run as written against both applications running as in production.
 */
class AuditorsCommandLineIT {

    private static final Path LEDGER = Path.of("..", "ledger").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "e2e-admin-Pm4Tg9Ka2Ex7Ur5Nb";

    private final Path dataDir = Path.of("target", "e2e-data", UUID.randomUUID().toString()).toAbsolutePath();
    private final List<ApplicationProcess> running = new ArrayList<>();

    @AfterEach
    void stopAll() {
        running.forEach(ApplicationProcess::close);
    }

    @Test
    void auditors_export_verify_replay_and_read_histories_from_the_command_line() throws Exception {
        ApplicationProcess commandSide = ApplicationProcess.start("cli-command", ApplicationProcess.COMMAND_JAR,
                ApplicationProcess.freePort(), Map.of("progress.data-dir", dataDir.toString(),
                        "progress.webhook.phoenix.token", "cli-phoenix-Rb5Ny2Gk7Ms4Vx9Q", "progress.admin.token", ADMIN));
        running.add(commandSide);
        ApplicationProcess querySide = ApplicationProcess.start("cli-query", ApplicationProcess.QUERY_JAR,
                ApplicationProcess.freePort(), Map.of("progress.data-dir", dataDir.toString(),
                        "progress.admin.token", ADMIN));
        running.add(querySide);
        Http.Response accepted = Http.post(commandSide.url("/webhooks/phoenix"), seed(),
                Map.of("Authorization", "Bearer cli-phoenix-Rb5Ny2Gk7Ms4Vx9Q", "Content-Type", "application/json"));
        assertThat(accepted.status()).isEqualTo(200);
        long position = accepted.json().path("events").get(0).path("globalPosition").asLong();
        Map<String, String> env = Map.of("LEDGER_QUERY_URL", querySide.url(""),
                "LEDGER_COMMAND_URL", commandSide.url(""), "LEDGER_ADMIN_TOKEN", ADMIN, "LEDGER_ACTOR", "auditor");
        assertThat(Http.get(querySide.url("/api/projections/audit-chain?minPosition=" + position),
                Map.of("Authorization", "Bearer " + ADMIN)).status()).isEqualTo(200);

        Result export = ledger(env, "export");
        Result verify = ledger(env, "verify");
        Result replay = ledger(env, "replay", "talent-progress");
        Result history = ledger(env, "history", "talent", "9c40bc21-5269-46d8-9b8d-c8c7f85c6499");
        Result deliveries = ledger(env, "deliveries", "outcome=accepted");
        Result erase = ledger(env, "erase", "12345", "123456798", "request \"DSR-7\"");
        Result purge = ledger(env, "purge");
        Result wrongToken = ledger(Map.of("LEDGER_QUERY_URL", querySide.url(""), "LEDGER_ADMIN_TOKEN", "nope"),
                "verify");

        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.err()).contains("export complete: {\"type\":\"end\",\"lines\":1,");
        JsonNode line = JSON.readTree(export.out().lines().findFirst().orElseThrow());
        assertThat(line.path("type").asString()).isEqualTo("TalentBlockUnlocked");
        assertThat(line.path("metadata").path("deliveryId").asString())
                .isEqualTo(accepted.json().path("deliveryId").asString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(JSON.readTree(verify.out()).path("checkedUpTo").asLong()).isEqualTo(position);
        assertThat(replay.exit()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).contains("done: dashboards read generation 2 of talent-progress");
        assertThat(JSON.readTree(history.out()).path("items")).hasSize(1);
        assertThat(JSON.readTree(deliveries.out()).path("items").get(0).path("outcome").asString())
                .isEqualTo("accepted");
        assertThat(erase.exit()).as(erase.err()).isZero();
        JsonNode erasure = JSON.readTree(erase.out());
        assertThat(erasure.path("status").asString()).isEqualTo("erased");
        assertThat(erasure.path("event").path("type").asString()).isEqualTo("LearnerDataErased");
        assertThat(purge.exit()).as(purge.err()).isZero();
        assertThat(JSON.readTree(purge.out()).path("requestedBy").asString()).isEqualTo("admin (auditor)");
        assertThat(wrongToken.exit()).isEqualTo(3);
        assertThat(wrongToken.err()).contains("HTTP 401");

        // Dashboard tokens: issued with a scope, listed without the secret, revoked at once.
        Result created = ledger(env, "token", "create", "Escola \"Azul\"", "--institution", "12345",
                "--program", "p-1", "--expires", java.time.Instant.now().plusSeconds(86_400).toString());
        assertThat(created.exit()).as(created.err()).isZero();
        JsonNode issued = JSON.readTree(created.out());
        String secret = issued.path("token").asString();
        assertThat(issued.path("name").asString()).isEqualTo("Escola \"Azul\"");
        assertThat(issued.path("institutions").get(0).asLong()).isEqualTo(12345);
        assertThat(issued.path("programs").get(0).asString()).isEqualTo("p-1");
        assertThat(Http.get(querySide.url("/api/projections"), Map.of("Authorization", "Bearer " + secret))
                .status()).isEqualTo(200);
        Result listed = ledger(env, "token", "list");
        assertThat(listed.out()).contains(issued.path("id").asString()).doesNotContain(secret);
        Result revoked = ledger(env, "token", "revoke", issued.path("id").asString());
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(Http.get(querySide.url("/api/projections"), Map.of("Authorization", "Bearer " + secret))
                .status()).isEqualTo(401);
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result ledger(Map<String, String> env, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(LEDGER.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err);
    }

    private static String seed() throws IOException {
        try (InputStream in = AuditorsCommandLineIT.class.getClassLoader()
                .getResourceAsStream("seeds/phoenix-talent-block-unlocked.v2.example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
