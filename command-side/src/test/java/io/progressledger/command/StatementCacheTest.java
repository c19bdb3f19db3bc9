package io.progressledger.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** H2 keeps enough parsed statements per session for a whole delivery (see application.yml): not its default 8. */
class StatementCacheTest extends CommandSideTest {

    @Test
    void the_embedded_database_keeps_a_deliverys_statements_parsed() {
        assertThat(jdbc.sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = "
                + "'QUERY_CACHE_SIZE'").query(String.class).single()).isEqualTo("64");
    }
}
