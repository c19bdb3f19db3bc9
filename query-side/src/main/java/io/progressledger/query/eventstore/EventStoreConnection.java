package io.progressledger.query.eventstore;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

/**
 * The data source holding the event store: the application's own, or a pool of its own when the store is in another
 * database. Only a pool created for the store is closed with the application.
 */
public record EventStoreConnection(DataSource dataSource, HikariDataSource ownedPool) implements AutoCloseable {

    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }
}
