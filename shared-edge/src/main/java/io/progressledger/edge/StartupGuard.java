package io.progressledger.edge;

import io.progressledger.events.schema.H2LoopbackServer;
import io.progressledger.events.settings.InsecureDevelopmentMode;
import io.progressledger.events.settings.SecretStrength;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Settings that would open the ledger by mistake stop it before anything starts: development mode only by its
 * explicit switch and on the loopback address ({@link InsecureDevelopmentMode}); every credential the application
 * reads strong ({@link SecretStrength}) unless in development mode; H2's AUTO_SERVER bound to the loopback address
 * ({@link H2LoopbackServer}). Each application subclasses it with the names of its own credentials and registers the
 * subclass in {@code META-INF/spring.factories} (Spring makes it from its class name), so tests and the jar alike.
 */
public abstract class StartupGuard implements EnvironmentPostProcessor {

    private final Pattern credential;

    /** @param credential every credential the application reads, as Spring names them (environment variables too) */
    protected StartupGuard(Pattern credential) {
        this.credential = credential;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        H2LoopbackServer.configure();
        InsecureDevelopmentMode.check(environment::getProperty).ifPresent(address -> environment.getPropertySources()
                .addLast(new MapPropertySource("insecure-development-mode", Map.of("server.address", address))));
        if (Boolean.parseBoolean(environment.getProperty(InsecureDevelopmentMode.PROPERTY))) {
            return;
        }
        List<String> weak = SecretStrength.weaknesses(credentials(environment));
        if (!weak.isEmpty()) {
            throw new IllegalStateException("weak credentials refused (generate each with `openssl rand -base64 32`"
                    + ", a webhook secret as whsec_ and base64 of 24 to 64 random bytes):\n  "
                    + String.join("\n  ", weak));
        }
    }

    private Map<String, String> credentials(ConfigurableEnvironment environment) {
        Map<String, String> credentials = new HashMap<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().map(Object::toString).filter(name -> credential.matcher(name).matches())
                        .forEach(name -> credentials.put(name, environment.getProperty(name)));
            }
        }
        return credentials;
    }
}
