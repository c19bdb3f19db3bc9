package io.progressledger.command;

import io.progressledger.events.schema.H2RemoteFetch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The write side: webhooks in, commands on aggregates, events into the event store. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CommandSideApplication {

    public static void main(String[] args) {
        H2RemoteFetch.configure();
        SpringApplication.run(CommandSideApplication.class, args);
    }

    /** The one clock: every "now" on the command side comes from here, so tests can pin it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
