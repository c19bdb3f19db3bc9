package io.progressledger.command;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code progress.insecure-development-mode}: for a developer's machine only ({@code ./run.sh} sets it). Webhook
 * sources without credentials accept any call and the admin API needs no token when none is configured. Served on
 * the loopback address only ({@link ConfigurationGuard}); announced loudly at start-up.
 */
@ConfigurationProperties("progress")
public record DevelopmentMode(@DefaultValue("false") @Name("insecure-development-mode") boolean developmentMode) {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentMode.class);

    public DevelopmentMode {
        if (developmentMode) {
            log.warn("""

                    ***********************************************************************
                    *  INSECURE DEVELOPMENT MODE (progress.insecure-development-mode):    *
                    *  sources and endpoints without credentials accept calls from anyone *
                    *  who reaches this address. Weak tokens are accepted. Never run like *
                    *  this outside a developer's machine.                                *
                    ***********************************************************************""");
        }
    }

    public boolean enabled() {
        return developmentMode;
    }
}
