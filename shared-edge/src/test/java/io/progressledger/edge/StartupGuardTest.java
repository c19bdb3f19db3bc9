package io.progressledger.edge;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The guard on an environment (no application): it checks the credentials its side names and only those, lets
 * development mode through on the loopback address only, and stops the start otherwise.
 */
class StartupGuardTest {

    private static final String STRONG = "9VQoGh3PtqvrZR6SX1MACv4pc6bqwnAy6jf7n+hXeCo=";

    private final StartupGuard guard = new StartupGuard(Pattern.compile("progress\\.admin\\.token")) {
    };

    @Test
    void a_weak_credential_of_the_side_stops_the_start_and_is_named() {
        assertThatThrownBy(() -> check(Map.of("progress.admin.token", "change-me")))
                .hasMessageContaining("progress.admin.token: it has 9 characters, fewer than 24");
    }

    @Test
    void strong_credentials_and_ones_the_side_does_not_read_let_it_start() {
        assertThatNoException().isThrownBy(() -> check(Map.of("progress.admin.token", STRONG,
                "progress.api.token", "weak but not read here")));
    }

    @Test
    void development_mode_accepts_weak_credentials_on_the_loopback_address_only() {
        StandardEnvironment environment = check(Map.of("progress.insecure-development-mode", "true",
                "progress.admin.token", "change-me"));
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");

        assertThatThrownBy(() -> check(Map.of("progress.insecure-development-mode", "true",
                "server.address", "0.0.0.0")))
                .hasMessageContaining("serves on a loopback address only, not server.address=0.0.0.0");
    }

    private StandardEnvironment check(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        guard.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
