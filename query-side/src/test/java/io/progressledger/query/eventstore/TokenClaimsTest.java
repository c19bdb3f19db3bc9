package io.progressledger.query.eventstore;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A projection's segment is processed by one application at a time: the token claim says which. Two applications
 * on one views database are two nodes, even when they share a JVM (two test contexts) or a host name and pid (two
 * containers, each pid 1): otherwise both hold the claim and apply every event twice.
 */
class TokenClaimsTest {

    private static final String PROCESSOR = "talent-progress-g1";

    /** A bare in-memory database with the query side's processing tables, as Flyway migrates them. */
    private final JdbcDataSource database = new JdbcDataSource();

    TokenClaimsTest() {
        database.setURL("jdbc:h2:mem:tokens-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/query/h2").load().migrate();
    }

    @Test
    void a_segment_claimed_by_one_application_is_refused_to_another_in_the_same_jvm() {
        TokenStore first = tokenStore();
        TokenStore second = tokenStore();
        first.initializeTokenSegments(PROCESSOR, 1, new GlobalSequenceTrackingToken(41));

        assertThat(first.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(41));
        assertThatThrownBy(() -> second.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void the_application_that_holds_a_claim_keeps_it() {
        TokenStore node = tokenStore();
        node.initializeTokenSegments(PROCESSOR, 1, new GlobalSequenceTrackingToken(7));
        node.fetchToken(PROCESSOR, 0);

        node.storeToken(new GlobalSequenceTrackingToken(8), PROCESSOR, 0);

        assertThat(node.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(8));
    }

    private TokenStore tokenStore() {
        return new AxonConfiguration().tokenStore(
                new DataSourceConnectionProvider(database),
                Jackson3Serializer.builder().build(), new TokenStoreProperties());
    }
}
