package io.progressledger.query;

import io.progressledger.events.schema.H2RemoteFetch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The read side: projections of the event store into views for dashboards, and the history for auditors. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuerySideApplication {

    public static void main(String[] args) {
        H2RemoteFetch.configure();
        SpringApplication.run(QuerySideApplication.class, args);
    }

    /** The one clock of the query side. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
