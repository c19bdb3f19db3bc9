package io.progressledger.query.api;

import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Which handlers need the admin token rather than the API token: those marked {@link AdminOnly} (on the method or
 * its controller) and every handler of a method other than GET and HEAD. One rule, asked by the access check on the
 * handler Spring dispatched to and by the API document, so that the document says what the access rules do.
 */
public final class AdminRoutes {

    private AdminRoutes() {
    }

    /** @param handler the handler a request is routed to; {@code method} the HTTP method, such as GET */
    public static boolean adminOnly(HandlerMethod handler, String method) {
        return handler.hasMethodAnnotation(AdminOnly.class)
                || handler.getBeanType().isAnnotationPresent(AdminOnly.class)
                || !(HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method));
    }
}
