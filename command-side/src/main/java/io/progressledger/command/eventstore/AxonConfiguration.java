package io.progressledger.command.eventstore;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** How the command side talks to Axon: readable JSON events, and provenance copied into every event's metadata. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Metadata keys a command carries that every event it causes must carry too (the audit trail reads them). */
    public static final String[] PROVENANCE_KEYS = {"deliveryId", "source", "senderEventId", "receivedAt"};

    /**
     * Axon's own types (tracking tokens, replay tokens) are written with their class names; Jackson 3 refuses such
     * polymorphic types unless they are allowed explicitly.
     */
    @Bean
    Jackson3SerializerCustomizer axonJsonTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("io.progressledger.")
                .build());
    }

    @Bean
    CorrelationDataProvider provenanceCorrelation() {
        return new SimpleCorrelationDataProvider(PROVENANCE_KEYS);
    }

    /** Declared here because defining any provider switches off Axon's default one. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }
}
