package io.progressledger.query.eventstore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that exists only when the events are in the application's database (H2 or PostgreSQL), not in Axon Server
 * ({@code axon.axonserver.enabled=false}, the default of both applications).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = "axon.axonserver.enabled", havingValue = false, matchIfMissing = true)
public @interface JdbcEventStore {
}
