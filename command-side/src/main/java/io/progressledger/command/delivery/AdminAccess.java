package io.progressledger.command.delivery;

import io.progressledger.command.DevelopmentMode;
import io.progressledger.command.Problems;
import io.progressledger.command.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;

/**
 * The admin API ({@code /api/**} on the command side: the delivery log and its retries) needs
 * {@code Authorization: Bearer <progress.admin.token>}, a credential distinct from every webhook secret.
 */
@Component
public class AdminAccess implements HandlerInterceptor {

    /** {@code progress.admin.token}. */
    @ConfigurationProperties("progress.admin")
    public record Properties(String token) {

        boolean configured() {
            return token != null && !token.isBlank();
        }
    }

    private final Properties properties;
    private final boolean developmentMode;
    private final JsonMapper json;

    public AdminAccess(Properties properties, DevelopmentMode developmentMode, JsonMapper json) {
        this.properties = properties;
        this.developmentMode = developmentMode.enabled();
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!properties.configured() && developmentMode) {
            return true;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        if (properties.configured() && presented != null && Secrets.same(presented, properties.token())) {
            return true;
        }
        String detail = !properties.configured() ? "no admin token is configured (progress.admin.token)"
                : presented == null ? "send Authorization: Bearer <admin token>" : "the admin token does not match";
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Authentication failed", detail, List.of()));
        return false;
    }

}
