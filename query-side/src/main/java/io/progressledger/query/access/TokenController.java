package io.progressledger.query.access;

import io.progressledger.query.api.AdminOnly;
import io.progressledger.query.api.BadRequest;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tokens for dashboards, issued by admins: all data, or scoped to institutions and programs; the secret shown once,
 * at creation; listed with their use; revoked at once on every node.
 */
@RestController
@AdminOnly
@Tag(name = "Tokens", description = "Dashboards' tokens, scoped to institutions and programs (admin token)")
public class TokenController {

    static final int MAX_IDS = 1_000;
    static final int MAX_NAME = 200;
    static final int MAX_PROGRAM_ID = 255;

    private final ApiTokens tokens;
    private final Clock clock;

    public TokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * A token to issue.
     *
     * @param name         who or what it is for
     * @param institutions the Toolzz institutions it may read; with programs omitted or empty, and these too: all data
     * @param programs     the Phoenix programs it may read
     * @param expiresAt    when it stops working (optional: never)
     */
    @Schema(name = "TokenRequest")
    public record TokenRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = MAX_NAME,
            example = "Escola Azul dashboard") String name,
                               @Nullable List<Long> institutions,
                               @Nullable List<String> programs,
                               @Nullable Instant expiresAt) {
    }

    /** A token as issued: {@code token} is the secret, shown this once. */
    @Schema(name = "IssuedToken")
    public record IssuedToken(String id, String token, String name, List<Long> institutions, List<String> programs,
                              @Nullable Instant expiresAt, Instant createdAt) {
    }

    /** A token as listed, without its secret, with its use (brought up to date every few seconds). */
    @Schema(name = "TokenInfo")
    public record TokenInfo(String id, String name, List<Long> institutions, List<String> programs,
                            @Nullable Instant expiresAt, Instant createdAt, @Nullable Instant revokedAt,
                            @Nullable Instant lastUsedAt, long reads, long personalDataReads) {
    }

    @PostMapping("/api/admin/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token", description = "Omit both institutions and programs (or leave them empty) "
            + "for a token reading all data; otherwise it reads only those institutions' completions and those "
            + "programs' talents. The secret (`token`) is in this answer only; the ledger keeps its SHA-256.")
    public IssuedToken issue(@RequestBody TokenRequest request) throws BadRequest {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequest("name", "must be 1 to " + MAX_NAME + " characters, no control characters");
        }
        List<Long> institutions = request.institutions() == null ? List.of() : request.institutions();
        List<String> programs = request.programs() == null ? List.of() : request.programs();
        if (institutions.size() > MAX_IDS || institutions.stream().anyMatch(id -> id == null || id < 0)) {
            throw new BadRequest("institutions", "at most " + MAX_IDS + " institution ids, each a whole number");
        }
        if (programs.size() > MAX_IDS || programs.stream().anyMatch(id -> id == null || id.isBlank()
                || id.length() > MAX_PROGRAM_ID || id.chars().anyMatch(Character::isISOControl))) {
            throw new BadRequest("programs", "at most " + MAX_IDS + " program ids, each 1 to " + MAX_PROGRAM_ID
                    + " characters");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw new BadRequest("expiresAt", "must be in the future");
        }
        ApiTokens.Issued issued = tokens.issue(name, new LinkedHashSet<>(institutions), Set.copyOf(programs),
                request.expiresAt());
        return new IssuedToken(issued.id(), issued.token(), issued.name(), issued.institutions(), issued.programs(),
                issued.expiresAt(), issued.createdAt());
    }

    @GetMapping("/api/admin/tokens")
    @Operation(summary = "Every token issued", description = "Newest first, without secrets: scopes, expiry, "
            + "revocation, last use and reads (personal-data reads apart), on one page.")
    public Page<TokenInfo> list() {
        return Page.whole(tokens.list().stream().map(t -> new TokenInfo(t.id(), t.name(), t.institutions(),
                t.programs(), t.expiresAt(), t.createdAt(), t.revokedAt(), t.lastUsedAt(), t.reads(),
                t.personalDataReads())).toList());
    }

    @DeleteMapping("/api/admin/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a token", description = "Refused from the next request on, on every node.")
    public void revoke(@PathVariable String id) throws NotFound {
        // Revoking a revoked token again changes nothing and says so the same way.
        if (id.length() > 36 || !(tokens.revoke(id) || tokens.exists(id))) {
            throw new NotFound("no such token");
        }
    }
}
