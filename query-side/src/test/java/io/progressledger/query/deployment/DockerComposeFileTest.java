package io.progressledger.query.deployment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} checked statically, since the build machines have no Docker engine: it parses, every
 * image is pinned and every build has its Dockerfile and jar, every service has a health check and its data on a
 * volume, and every setting the applications need in production is given, its secrets from the environment. What
 * this cannot tell: that the images start and talk to each other. README's "Running in production" says so.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?([^}]*)}");
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void it_brings_up_postgres_axon_server_and_both_applications() {
        assertThat(services).containsOnlyKeys("postgres", "axonserver", "command-side", "query-side");
        assertThat(services.get("axonserver").get("profiles")).as("Axon Server only on request")
                .isEqualTo(List.of("axonserver"));
    }

    @Test
    void every_image_is_pinned_to_a_version() {
        for (String name : List.of("postgres", "axonserver")) {
            String image = (String) services.get(name).get("image");
            assertThat(image).as(name).matches("[a-z0-9./-]+:[0-9][\\w.-]*");
        }
    }

    @Test
    void each_application_is_built_from_its_own_executable_jar() throws IOException {
        for (String application : List.of("command-side", "query-side")) {
            Path context = ROOT.resolve((String) services.get(application).get("build")).normalize();
            assertThat(context).isEqualTo(ROOT.resolve(application));
            String dockerfile = Files.readString(context.resolve("Dockerfile"));
            assertThat(dockerfile).contains("COPY target/" + application + ".jar ")
                    .containsPattern("-Xmx\\d+m").contains("USER ");
            assertThat(Files.readString(context.resolve("pom.xml")))
                    .as("the jar's name is the contract's").contains("<finalName>" + application + "</finalName>");
        }
    }

    @Test
    void every_service_has_a_health_check_and_the_applications_check_readiness_on_their_port() {
        services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
        assertThat(healthCheck("command-side")).contains("http://localhost:8080/actuator/health/readiness");
        assertThat(healthCheck("query-side")).contains("http://localhost:8081/actuator/health/readiness");
        assertThat(services.get("command-side").get("ports")).isEqualTo(List.of("8080:8080"));
        assertThat(services.get("query-side").get("ports")).isEqualTo(List.of("8081:8081"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_applications_start_after_their_database_is_healthy() {
        for (String application : List.of("command-side", "query-side")) {
            var dependsOn = (Map<String, Map<String, Object>>) services.get(application).get("depends_on");
            assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
            assertThat(dependsOn.get("axonserver")).containsEntry("condition", "service_healthy")
                    .containsEntry("required", false);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void data_lives_on_declared_volumes() {
        Set<String> declared = ((Map<String, Object>) compose.get("volumes")).keySet();
        services.forEach((name, service) -> {
            List<String> volumes = (List<String>) service.get("volumes");
            assertThat(volumes).as(name).isNotEmpty();
            volumes.forEach(volume -> assertThat(declared).as(name).contains(volume.substring(0, volume.indexOf(':'))));
        });
    }

    @Test
    void the_applications_get_every_setting_they_need_in_production() {
        Set<String> both = Set.of("SPRING_PROFILES_ACTIVE", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD", "AXON_AXONSERVER_SERVERS", "PROGRESS_ADMIN_TOKEN");
        assertThat(environment("command-side")).containsKeys(both.toArray(String[]::new)).containsKeys(
                "PROGRESS_WEBHOOK_PHOENIX_SECRET", "PROGRESS_WEBHOOK_PHOENIX_TOKEN",
                "PROGRESS_WEBHOOK_TOOLZZ_SECRET", "PROGRESS_WEBHOOK_TOOLZZ_TOKEN");
        assertThat(environment("query-side")).containsKeys(both.toArray(String[]::new)).containsKey(
                "PROGRESS_API_TOKEN");
        Map<String, String> postgres = environment("postgres");
        for (String application : List.of("command-side", "query-side")) {
            Map<String, String> environment = environment(application);
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).contains(":-postgres}");
            assertThat(environment.get("SPRING_DATASOURCE_URL"))
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
            assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(environment.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
            assertThat(environment.get("AXON_AXONSERVER_SERVERS")).isEqualTo("axonserver:8124");
        }
    }

    @Test
    void secrets_come_from_the_environment_and_the_required_ones_are_in_env_example() throws IOException {
        Set<String> required = new LinkedHashSet<>();
        services.forEach((name, service) -> environment(name).forEach((key, value) -> {
            if (key.matches(".*(PASSWORD|TOKEN|SECRET)")) {
                assertThat(value).as(name + " " + key + " is not written in the file").matches("\\$\\{[A-Z0-9_]+.*}");
            }
            Matcher variable = VARIABLE.matcher(value);
            while (variable.find()) {
                if ("?".equals(variable.group(2)) || ":?".equals(variable.group(2))) {
                    required.add(variable.group(1));
                }
            }
        }));
        Properties example = new Properties();
        try (var reader = Files.newBufferedReader(ROOT.resolve(".env.example"))) {
            example.load(reader);
        }
        assertThat(required).contains("POSTGRES_PASSWORD", "PROGRESS_ADMIN_TOKEN", "PROGRESS_API_TOKEN");
        assertThat(example.stringPropertyNames()).containsAll(required);
        assertThat(Files.readString(ROOT.resolve(".gitignore"))).containsPattern("(?m)^\\.env$");
    }

    private static String healthCheck(String service) {
        return String.valueOf(((Map<?, ?>) services.get(service).get("healthcheck")).get("test"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
        var strings = new java.util.LinkedHashMap<String, String>();
        environment.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }
}
