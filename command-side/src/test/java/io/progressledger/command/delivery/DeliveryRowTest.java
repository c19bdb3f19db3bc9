package io.progressledger.command.delivery;

import io.progressledger.command.CommandSideTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery row is written on every call: its text columns are kept in the row, not in H2's separate LOB storage
 * (one more write per delivery, one more read per listed row).
 */
class DeliveryRowTest extends CommandSideTest {

    @Test
    void headers_problem_and_events_are_stored_inline() {
        List<String> types = jdbc.sql("""
                        SELECT COLUMN_NAME || ' ' || DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS
                        WHERE TABLE_NAME = 'DELIVERY' AND COLUMN_NAME IN ('HEADERS', 'PROBLEM', 'EVENTS')
                        ORDER BY COLUMN_NAME""")
                .query(String.class)
                .list();

        assertThat(types).containsExactly("EVENTS CHARACTER VARYING", "HEADERS CHARACTER VARYING",
                "PROBLEM CHARACTER VARYING");
    }
}
