package io.progressledger.query.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Credentials of the query side: {@code progress.api.token} for dashboards' reads, {@code progress.admin.token} for
 * auditors and operators (audit, replay, dead letters; it reads everything too).
 * {@code progress.insecure-development-mode} ({@code ./run.sh} sets it) opens whatever has no token configured, on
 * the loopback address only ({@code ConfigurationGuard}), with a banner.
 */
@ConfigurationProperties("progress")
public record AccessProperties(Credential api, Credential admin,
                               @DefaultValue("false") @Name("insecure-development-mode") boolean developmentMode) {

    private static final Logger log = LoggerFactory.getLogger(AccessProperties.class);

    public AccessProperties {
        api = api == null ? new Credential(null) : api;
        admin = admin == null ? new Credential(null) : admin;
        if (developmentMode) {
            log.warn("""

                    ***********************************************************************
                    *  INSECURE DEVELOPMENT MODE (progress.insecure-development-mode):    *
                    *  endpoints without a configured token are open to anyone who        *
                    *  reaches this address. Weak tokens are accepted. Never run like     *
                    *  this outside a developer's machine.                                *
                    ***********************************************************************""");
        }
    }

    /** One bearer token; absent when not configured. */
    public record Credential(String token) {

        public boolean configured() {
            return token != null && !token.isBlank();
        }

        @Override
        public String toString() {
            return configured() ? "Credential[***]" : "Credential[none]";
        }
    }
}
