package io.progressledger.query.access;

import io.progressledger.query.api.AdminRoutes;
import io.progressledger.query.api.PersonalData;
import io.progressledger.query.api.ReadScope;
import io.progressledger.query.api.Unauthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who may call what under {@code /api}, decided on the handler Spring dispatched to (after routing, so on the
 * decoded, normalised path, never on the raw URI): reads need the API token or the admin token; handlers marked
 * {@link io.progressledger.query.api.AdminOnly} (the audit trail, administration) and every non-read need the admin
 * token ({@link AdminRoutes}). A request that matched no handler needs the API token, then is not found. Missing or
 * wrong credentials: 401 problem+json ({@link Unauthenticated}). Tokens issued by admins ({@link ApiTokens}) open
 * the reads, within their scope: the handler gets the caller's {@link ReadScope} ({@link ReadScopes}).
 */
@Component
public class ApiAccess implements HandlerInterceptor {

    /** The request attribute holding the caller's {@link ReadScope}, read by {@link ReadScopes}. */
    static final String SCOPE = ReadScope.class.getName();

    private final AccessProperties access;
    private final ApiTokens tokens;
    private final TokenUse use;

    public ApiAccess(AccessProperties access, ApiTokens tokens, TokenUse use) {
        this.access = access;
        this.tokens = tokens;
        this.use = use;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean adminOnly = handler instanceof HandlerMethod method ? AdminRoutes.adminOnly(method, request.getMethod())
                : !(HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod()));
        String presented = bearer(request);
        if (presented != null && access.admin().configured() && same(presented, access.admin().token())) {
            return allow(request, ReadScope.EVERYTHING);
        }
        if (!adminOnly && presented != null && access.api().configured() && same(presented, access.api().token())) {
            return allow(request, ReadScope.EVERYTHING);
        }
        if (!adminOnly && presented != null) {
            var issued = tokens.scopeOf(presented);
            if (issued.isPresent()) {
                return allow(request, issued.get());
            }
        }
        boolean open = access.developmentMode()
                && !access.admin().configured() && (adminOnly || !access.api().configured());
        if (open) {
            return allow(request, ReadScope.EVERYTHING);
        }
        String needed = adminOnly ? "the admin token" : "the API token or a token issued by an admin";
        throw new Unauthenticated(presented == null ? "send Authorization: Bearer <token>"
                : "the token presented is not " + needed + " (or it expired, or was revoked)");
    }

    /** Counts the reads of issued tokens, personal data apart (who read what). */
    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (request.getAttribute(SCOPE) instanceof ReadScope scope && scope.tokenId() != null) {
            boolean personal = handler instanceof HandlerMethod method && method.hasMethodAnnotation(PersonalData.class)
                    && response.getStatus() == 200;
            use.read(scope.tokenId(), personal);
        }
    }

    private static boolean allow(HttpServletRequest request, ReadScope scope) {
        request.setAttribute(SCOPE, scope);
        return true;
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    /** Compares SHA-256 digests in constant time: neither the token's content nor its length leaks. */
    private static boolean same(String presented, String expected) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] a = sha256.digest(presented.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha256.digest(expected.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
