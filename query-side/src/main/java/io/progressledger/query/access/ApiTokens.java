package io.progressledger.query.access;

import io.progressledger.query.api.ReadScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Tokens issued by admins, in the query side's database ({@code api_token}, {@code api_token_scope}). A token is
 * {@code plt_} and 256 random bits (base64url); only its SHA-256 is stored, and a presented token is looked up by that
 * hash on every request, so a revocation or an expiry holds at once on every node, with nothing cached.
 */
@Repository
public class ApiTokens {

    static final String PREFIX = "plt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    public ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token as issued: the secret is in it, and only here. */
    public record Issued(String id, String token, String name, List<Long> institutions, List<String> programs,
                         Instant expiresAt, Instant createdAt) {
    }

    /** A token as listed: no secret, with its use. */
    public record Listed(String id, String name, List<Long> institutions, List<String> programs, Instant expiresAt,
                         Instant createdAt, Instant revokedAt, Instant lastUsedAt, long reads,
                         long personalDataReads) {
    }

    @Transactional
    public Issued issue(String name, Set<Long> institutions, Set<String> programs, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO api_token (id, name, secret_sha256, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, name, sha256(token), column(now), column(expiresAt)).update();
        for (long institution : institutions) {
            jdbc.sql("INSERT INTO api_token_scope (token_id, institution_id) VALUES (?, ?)").params(id, institution)
                    .update();
        }
        for (String program : programs) {
            jdbc.sql("INSERT INTO api_token_scope (token_id, program_id) VALUES (?, ?)").params(id, program).update();
        }
        return new Issued(id, token, name, List.copyOf(new TreeSet<>(institutions)), List.copyOf(new TreeSet<>(programs)),
                expiresAt, now);
    }

    /** Every token, newest first, without secrets. */
    public List<Listed> list() {
        Map<String, List<Long>> institutions = new LinkedHashMap<>();
        Map<String, List<String>> programs = new LinkedHashMap<>();
        jdbc.sql("SELECT token_id, institution_id, program_id FROM api_token_scope ORDER BY institution_id, program_id")
                .query(rs -> {
                    String id = rs.getString("token_id");
                    long institution = rs.getLong("institution_id");
                    if (!rs.wasNull()) {
                        institutions.computeIfAbsent(id, k -> new ArrayList<>()).add(institution);
                    } else {
                        programs.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString("program_id"));
                    }
                });
        return jdbc.sql("SELECT * FROM api_token ORDER BY created_at DESC, id")
                .query((rs, n) -> {
                    String id = rs.getString("id");
                    return new Listed(id, rs.getString("name"), institutions.getOrDefault(id, List.of()),
                            programs.getOrDefault(id, List.of()), instant(rs.getObject("expires_at",
                            OffsetDateTime.class)), instant(rs.getObject("created_at", OffsetDateTime.class)),
                            instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                            instant(rs.getObject("last_used_at", OffsetDateTime.class)), rs.getLong("reads"),
                            rs.getLong("personal_data_reads"));
                }).list();
    }

    /** Revokes a token at once; false when there is no such token (or it was revoked already). */
    public boolean revoke(String id) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(column(clock.instant()), id).update() == 1;
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    /** The scope of a presented token, if it is one issued here, neither revoked nor expired. */
    public Optional<ReadScope> scopeOf(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(presented);
        List<ScopeRow> rows = jdbc.sql("SELECT t.id, t.secret_sha256, t.expires_at, s.institution_id, s.program_id "
                        + "FROM api_token t LEFT JOIN api_token_scope s ON s.token_id = t.id "
                        + "WHERE t.secret_sha256 = ? AND t.revoked_at IS NULL")
                .param(hash)
                .query((rs, n) -> {
                    long institution = rs.getLong("institution_id");
                    Long institutionId = rs.wasNull() ? null : institution;
                    return new ScopeRow(rs.getString("id"), rs.getString("secret_sha256").trim(),
                            instant(rs.getObject("expires_at", OffsetDateTime.class)), institutionId,
                            rs.getString("program_id"));
                }).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ScopeRow first = rows.get(0);
        // Found by its hash; compared again in constant time, so that no timing depends on the secret's content.
        if (!MessageDigest.isEqual(first.secretSha256().getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        if (first.expiresAt() != null && !clock.instant().isBefore(first.expiresAt())) {
            return Optional.empty();
        }
        Set<Long> institutions = new TreeSet<>();
        Set<String> programs = new TreeSet<>();
        for (ScopeRow row : rows) {
            if (row.institutionId() != null) {
                institutions.add(row.institutionId());
            }
            if (row.programId() != null) {
                programs.add(row.programId());
            }
        }
        return Optional.of(ReadScope.of(first.id(), institutions, programs));
    }

    private record ScopeRow(String id, String secretSha256, Instant expiresAt, Long institutionId, String programId) {
    }

    /** Adds reads to a token's use (called in batches by {@link TokenUse}). */
    void recordUse(String id, long reads, long personalDataReads, Instant lastUsedAt) {
        jdbc.sql("UPDATE api_token SET reads = reads + ?, personal_data_reads = personal_data_reads + ?, "
                        + "last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at < ? THEN ? ELSE last_used_at END "
                        + "WHERE id = ?")
                .params(reads, personalDataReads, column(lastUsedAt), column(lastUsedAt), id).update();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static OffsetDateTime column(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
