package io.progressledger.query.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read whose answer carries learners' personal data (names, emails): each such read by an issued token is counted
 * per token (metrics, and the token's use in the admin list), so that who read what is known.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PersonalData {
}
