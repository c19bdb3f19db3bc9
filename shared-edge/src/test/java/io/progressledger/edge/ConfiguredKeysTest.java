package io.progressledger.edge;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** An application refuses to start without its secret keys, or with weak or published ones outside development mode. */
class ConfiguredKeysTest {

    private static final String KEK = "9VQoGh3PtqvrZR6SX1MACv4pc6bqwnAy6jf7n+hXeCo=";
    private static final String SIGNING = "ciesrhnFsvr5Oxw9rvikEDP0h8Jje47wrdka6CUn/WI=";
    private static final String DEV_KEK = "9t541VXN/w1sdNFX0QCVBNurZJ3Qn2spDFGdzu2lPc4=";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ConfiguredKeys.class);

    @Test
    void without_keys_the_application_does_not_start() {
        context.run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                .hasMessageContaining("progress.personal-data.keks is required"));
    }

    @Test
    void with_the_published_development_key_it_starts_only_in_insecure_development_mode() {
        ApplicationContextRunner development = context.withPropertyValues(
                "progress.personal-data.keks.dev=" + DEV_KEK, "progress.personal-data.current-kek=dev",
                "progress.audit.signing-keys.k=" + SIGNING, "progress.audit.current-signing-key=k");
        development.run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                .hasMessageContaining("published development key").message().doesNotContain(DEV_KEK));
        development.withPropertyValues("progress.insecure-development-mode=true").run(started -> assertThat(started)
                .hasNotFailed());
        context.withPropertyValues("progress.insecure-development-mode=true").run(started -> assertThat(started)
                .as("development mode uses the published keys when none is configured").hasNotFailed());
    }

    @Test
    void with_its_own_keys_it_starts() {
        context.withPropertyValues("progress.personal-data.keks.k1=" + KEK, "progress.personal-data.current-kek=k1",
                        "progress.audit.signing-keys.s1=" + SIGNING, "progress.audit.current-signing-key=s1")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
