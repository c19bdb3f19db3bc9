package io.progressledger.query.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credentials of the query side: {@code progress.api.token} for dashboards' reads, {@code progress.admin.token} for
 * auditors and operators (audit, replay, dead letters; it reads everything too). {@code progress.development-mode}
 * (the {@code dev} profile of {@code ./run.sh}) opens whatever has no token configured, with a banner.
 */
@ConfigurationProperties("progress")
public record AccessProperties(Credential api, Credential admin, @DefaultValue("false") boolean developmentMode) {

    private static final Logger log = LoggerFactory.getLogger(AccessProperties.class);

    public AccessProperties {
        api = api == null ? new Credential(null) : api;
        admin = admin == null ? new Credential(null) : admin;
        if (developmentMode) {
            log.warn("""

                    ***********************************************************************
                    *  DEVELOPMENT MODE: endpoints without a configured token are open to *
                    *  anyone. Never run like this outside a developer's machine.         *
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
