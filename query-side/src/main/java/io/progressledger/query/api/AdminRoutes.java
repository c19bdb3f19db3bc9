package io.progressledger.query.api;

/**
 * Which routes need the admin token rather than the API token, as the access rules decide it: the API document
 * asks here, so that it says what the access rules do.
 */
public interface AdminRoutes {

    /** @param pathPattern the route as mapped, such as {@code /api/audit/events}; {@code method} such as GET */
    boolean adminOnly(String pathPattern, String method);
}
