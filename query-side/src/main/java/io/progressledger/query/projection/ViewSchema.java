package io.progressledger.query.projection;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Map;

/**
 * Creates and migrates the view tables of both slots: the scripts in {@code db/views} are written once, with a
 * {@code ${slot}} placeholder, and Flyway runs them once per slot with a history table of its own. The processing
 * tables (tokens, dead letters, projection state) are migrated by Spring Boot's Flyway from {@code db/query}.
 */
@Component
@ConditionalOnBooleanProperty(name = "spring.flyway.enabled", matchIfMissing = true)
public class ViewSchema {

    public ViewSchema(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource,
                metadata -> metadata.getDatabaseProductName());
        String text = product.toLowerCase().contains("postgres") ? "TEXT" : "CHARACTER VARYING(1048576)";
        for (Slot slot : Slot.values()) {
            String suffix = slot.table("").substring(1);
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/views")
                    .table("flyway_views_" + suffix + "_history")
                    .placeholders(Map.of("slot", suffix, "text", text))
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        }
    }
}
