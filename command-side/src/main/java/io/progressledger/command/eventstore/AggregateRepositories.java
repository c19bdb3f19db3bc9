package io.progressledger.command.eventstore;

import io.progressledger.command.talent.Talent;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Talents are cached between commands (a talent path grows one event per block and status, and every delivery for
 * it would otherwise replay them all), verified against the store before each use ({@link VerifiedCachingRepository}).
 * Trails and learners keep Axon's plain repository: their streams are a few events, and a learner's erasure rewrites
 * trail events in place, which a version check would not notice.
 */
@Configuration(proxyBeanMethods = false)
class AggregateRepositories {

    @Bean
    Repository<Talent> talentRepository(EventStore eventStore) {
        return VerifiedCachingRepository.of(Talent.class, eventStore);
    }
}
