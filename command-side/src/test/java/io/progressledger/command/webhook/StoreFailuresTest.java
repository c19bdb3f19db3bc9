package io.progressledger.command.webhook;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A database that does not answer is an outage (503 store-unavailable); a pool whose connections are all busy is
 * load (the ledger's own overloaded answer), not an outage. Both are Hikari's timeout exception: told apart by its
 * cause, the last failure to connect, which only the unreachable database has.
 */
class StoreFailuresTest {

    @Test
    void every_connection_busy_is_overload_not_an_outage() throws SQLException {
        // The pool opens its one connection as it starts (it fails fast otherwise), and it is taken here.
        try (HikariDataSource pool = pool("jdbc:h2:mem:" + UUID.randomUUID(), 250, 1);
             Connection busy = pool.getConnection()) {
            Throwable waitedTooLong = catchThrowable(pool::getConnection);

            assertThat(busy.isValid(1)).isTrue();
            assertThat(waitedTooLong).isInstanceOf(SQLException.class);
            assertThat(StoreFailures.isPoolExhausted(waitedTooLong)).isTrue();
            assertThat(StoreFailures.isUnavailable(waitedTooLong)).isFalse();
        }
    }

    @Test
    void a_database_that_refuses_connections_is_an_outage() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        // The pool waits longer than a refused connection takes to fail, as production's settings do (connectTimeout
        // 2 s, connection-timeout 3 s): the failure to connect is known when the wait ends.
        try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:" + closed + "/ledger", 2_000, -1)) {
            Throwable refused = catchThrowable(pool::getConnection);

            assertThat(StoreFailures.isUnavailable(refused)).as(chain(refused)).isTrue();
            assertThat(StoreFailures.isPoolExhausted(refused)).isFalse();
        }
    }

    private static String chain(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            chain.append(cause).append(cause instanceof SQLException sql ? " state " + sql.getSQLState() : "")
                    .append(" <- ");
        }
        return chain.toString();
    }

    private static HikariDataSource pool(String url, long connectionTimeoutMillis, long initializationFailTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(url.startsWith("jdbc:h2") ? "sa" : "ledger");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(connectionTimeoutMillis);
        config.setInitializationFailTimeout(initializationFailTimeout);
        return new HikariDataSource(config);
    }
}
