package io.progressledger.query.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler (method, or every handler of a controller) that only the admin token may call: the audit trail,
 * administration. The access rules read it on the handler Spring dispatched to, after routing, so that no spelling
 * of a path ({@code /api/%61udit}, {@code /api;x=1/audit}) reaches it with a lesser token. Handlers without it need
 * the API token (reads) or the admin token (anything but GET and HEAD).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AdminOnly {
}
