package io.progressledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The write side: webhooks in, commands on aggregates, events into the event store. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
