package io.progressledger.query.access;

import io.progressledger.query.api.Unauthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.handler.MappedInterceptor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The operations endpoints beyond health ({@code /actuator/prometheus}, {@code /actuator/info}, the index) tell the
 * build, the load and the traffic to anyone who asks: they need the admin token. Health, liveness and readiness stay
 * open, for load balancers and orchestrators. A {@link MappedInterceptor} bean reaches the actuator's own handler
 * mapping too, and matches the path Spring routes on (decoded, normalised; ambiguous paths are refused before).
 */
@Configuration(proxyBeanMethods = false)
class OperationsAccess {

    @Bean
    MappedInterceptor adminOnlyOperations(AccessProperties access) {
        return new MappedInterceptor(new String[]{"/actuator", "/actuator/**"},
                new String[]{"/actuator/health", "/actuator/health/**"}, new AdminToken(access));
    }

    private record AdminToken(AccessProperties access) implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (access.developmentMode() && !access.admin().configured()) {
                return true;
            }
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).trim() : null;
            if (presented != null && access.admin().configured() && MessageDigest.isEqual(
                    sha256(presented), sha256(access.admin().token()))) {
                return true;
            }
            throw new Unauthenticated(presented == null ? "send Authorization: Bearer <admin token>"
                    : "the token presented is not the admin token");
        }

        private static byte[] sha256(String value) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }
    }
}
