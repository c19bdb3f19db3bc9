package io.progressledger.command.webhook;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one accepted delivery costs the database, statement by statement, as the request thread runs them: only
 * statements that do something (no read of a snapshot table nobody writes, no empty last batch of events, no
 * savepoint around the idempotency key, no re-reading of a talent this node holds and the store has not changed).
 */
@Import(DeliveryStatementsTest.Recording.class)
class DeliveryStatementsTest extends CommandSideTest {

    /** Statements prepared and savepoints set on request threads, in order. */
    static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Recording {

        @Bean
        static BeanPostProcessor recordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? recording(dataSource) : bean;
                }
            };
        }
    }

    @Test
    void an_accepted_delivery_reads_its_aggregate_once_and_sets_no_savepoint_for_its_key() {
        STATEMENTS.clear();

        String status = webhooks().phoenix(Payloads.phoenix(Payloads.newTalentId(), Payloads.uniqueId(),
                "NOT_STARTED", "2023-07-09T10:00:00Z")).json().path("status").asString();

        List<String> statements = List.copyOf(STATEMENTS);
        System.out.println("statements of one accepted delivery:\n  " + String.join("\n  ", statements));
        assertThat(status).isEqualTo("accepted");
        assertThat(statements).noneMatch(sql -> sql.toLowerCase(Locale.ROOT).contains("snapshot"));
        assertThat(eventReads(statements)).as(statements.toString()).hasSize(1);
        assertThat(statements.stream().filter(sql -> sql.contains("delivery_idempotency"))).hasSize(1);
        int claim = indexOf(statements, "INSERT INTO delivery_idempotency");
        assertThat(claim > 0 && statements.get(claim - 1).equals("SAVEPOINT")).as("a savepoint set for the key: "
                + statements).isFalse();
    }

    @Test
    void a_talent_this_node_decided_on_before_is_not_read_again_only_its_version_checked() {
        String talent = Payloads.newTalentId();
        webhooks().phoenix(Payloads.phoenix(talent, Payloads.uniqueId(), "NOT_STARTED", "2023-07-09T10:00:00Z"));
        STATEMENTS.clear();

        String status = webhooks().phoenix(Payloads.phoenix(talent, Payloads.uniqueId(), "IN_PROGRESS",
                "2023-07-09T11:00:00Z")).json().path("status").asString();

        List<String> statements = List.copyOf(STATEMENTS);
        System.out.println("statements of a delivery on a cached talent:\n  " + String.join("\n  ", statements));
        assertThat(status).isEqualTo("accepted");
        assertThat(eventReads(statements)).as(statements.toString()).isEmpty();
        // The version check: the store's last sequence number, under the talent's id and under the id earlier
        // versions stored it by (IdSpaces), each an index lookup.
        assertThat(statements.stream().filter(sql -> sql.toLowerCase(Locale.ROOT).contains("max(sequencenumber)")))
                .as(statements.toString()).hasSizeBetween(1, 2);
    }

    /** The statements that read an aggregate's events to load it. */
    private static List<String> eventReads(List<String> statements) {
        return statements.stream().filter(sql -> sql.startsWith("SELECT") && sql.contains("FROM DomainEventEntry")
                && sql.contains("sequenceNumber >=")).toList();
    }

    private static int indexOf(List<String> statements, String prefix) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no " + prefix + " in " + statements);
    }

    private static DataSource recording(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? recording(connection) : result;
                });
    }

    private static Connection recording(Connection target) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (Thread.currentThread().getName().contains("-exec-")) {
                        if (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall")) {
                            STATEMENTS.add(((String) args[0]).strip().replaceAll("\\s+", " "));
                        } else if (method.getName().equals("setSavepoint")) {
                            STATEMENTS.add("SAVEPOINT");
                        }
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
