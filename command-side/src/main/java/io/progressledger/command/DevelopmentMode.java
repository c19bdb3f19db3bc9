package io.progressledger.command;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code progress.development-mode}: for a developer's machine only (the {@code dev} profile that {@code ./run.sh}
 * uses). Webhook sources without credentials accept any call and the admin API needs no token when none is
 * configured. Announced loudly at start-up.
 */
@ConfigurationProperties("progress")
public record DevelopmentMode(@DefaultValue("false") boolean developmentMode) {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentMode.class);

    public DevelopmentMode {
        if (developmentMode) {
            log.warn("""

                    ***********************************************************************
                    *  DEVELOPMENT MODE: sources and endpoints without credentials accept *
                    *  calls from anyone. Never run like this outside a developer's box.  *
                    ***********************************************************************""");
        }
    }

    public boolean enabled() {
        return developmentMode;
    }
}
