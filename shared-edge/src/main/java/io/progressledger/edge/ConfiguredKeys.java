package io.progressledger.edge;

import io.progressledger.events.audit.EventSignature;
import io.progressledger.events.keys.KeyRing;
import io.progressledger.events.personal.DataKeyWrapping;
import io.progressledger.events.settings.InsecureDevelopmentMode;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Map;
import java.util.Set;

/**
 * The secret keys an application holds outside the database, from configuration: the key-encryption keys that wrap
 * and unwrap the learners' data keys, and the keys that sign every appended event (command side) and check those
 * signatures ({@code /api/audit/verify}, query side). Missing, malformed, weak or published development keys stop the
 * application at start-up. In insecure development mode ({@code progress.insecure-development-mode=true}, ./run.sh)
 * and only there, the published development keys are accepted, and used when none is configured. Never logged.
 * Each application imports it ({@code @Import}).
 */
@Configuration(proxyBeanMethods = false)
public class ConfiguredKeys {

    /** The id of a published development key, when development mode uses it. */
    static final String DEVELOPMENT_ID = "dev";

    @Bean
    DataKeyWrapping dataKeyWrapping(Environment environment) {
        return new DataKeyWrapping(ring(environment, DataKeyWrapping.KEKS_PROPERTY,
                DataKeyWrapping.CURRENT_KEK_PROPERTY, DataKeyWrapping.DEVELOPMENT_KEKS));
    }

    @Bean
    @Qualifier("auditSigningKeys")
    KeyRing auditSigningKeys(Environment environment) {
        return ring(environment, EventSignature.KEYS_PROPERTY, EventSignature.CURRENT_KEY_PROPERTY,
                EventSignature.DEVELOPMENT_KEYS);
    }

    static KeyRing ring(Environment environment, String property, String currentProperty, Set<String> development) {
        Map<String, String> keys = Binder.get(environment)
                .bind(property, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        String current = environment.getProperty(currentProperty);
        boolean developmentMode = Boolean.parseBoolean(environment.getProperty(InsecureDevelopmentMode.PROPERTY));
        if (developmentMode && keys.isEmpty()) {
            keys = Map.of(DEVELOPMENT_ID, development.iterator().next());
            current = DEVELOPMENT_ID;
        }
        try {
            return KeyRing.of(property, keys, current, development, developmentMode);
        } catch (IllegalArgumentException refused) {
            throw new IllegalStateException("Refusing to start: " + refused.getMessage()
                    + " (see the README, Configuration)");
        }
    }
}
