package io.progressledger.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A client that hangs up mid-request (while its body is read, or while its answer is written) is no incident: nothing
 * failed on our side and nobody is left to answer. Such a failure is counted ({@value #METRIC}) and logged at DEBUG
 * with its route and exception types (no stack trace, no message), the response is marked 499 (nginx's "client
 * closed request", so that {@code http.server.requests} counts it as the client's doing, not as a 5xx), and no
 * problem body is written. Each side's error handler asks {@link #handled} first; everything else stays an incident.
 * <p>
 * What counts as the client going: Tomcat's {@link ClientAbortException} (any read or write of the client's socket
 * that failed), Spring's {@link AsyncRequestNotUsableException} (the same, on an asynchronous answer), and an
 * {@link IOException} saying "Broken pipe" or "Connection reset" thrown by the server's own socket code. The same
 * words from a database driver's socket are the database going away: an incident.
 */
public class ClientAborts {

    public static final String METRIC = "progress.requests.client-aborts";
    /** nginx's status for a request its client closed before the answer; never reaches the client. */
    public static final int CLIENT_CLOSED_REQUEST = 499;

    private static final Logger log = LoggerFactory.getLogger(ClientAborts.class);
    private static final List<String> SERVER_SOCKET_CODE = List.of("org.apache.tomcat.", "org.apache.coyote.",
            "org.apache.catalina.connector.");

    private final Counter aborts;

    public ClientAborts(MeterRegistry registry) {
        this.aborts = Counter.builder(METRIC)
                .description("requests whose client hung up before being answered (not counted as incidents)")
                .register(registry);
    }

    /** {@link #handled(Throwable, String, Object, HttpServletResponse)} for a request as Spring's handlers see it. */
    public boolean handled(Throwable failure, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            return handled(failure, servlet.getRequest().getMethod(),
                    servlet.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE),
                    servlet.getResponse());
        }
        return handled(failure, "?", null, null);
    }

    /**
     * If {@code failure} is the client going away: counts and logs it quietly, marks the response (when still
     * possible) and answers true; the caller then writes nothing. False for anything else.
     */
    public boolean handled(Throwable failure, String method, Object route, HttpServletResponse response) {
        if (!isAbort(failure)) {
            return false;
        }
        aborts.increment();
        if (log.isDebugEnabled()) {
            log.debug("client went away during {} {}: {}", method, route == null ? "(no route)" : route,
                    types(failure));
        }
        if (response != null && !response.isCommitted()) {
            response.setStatus(CLIENT_CLOSED_REQUEST);
        }
        return true;
    }

    /**
     * Whether {@code failure} (or a cause of it) is the client hanging up. A read that waited out the request's
     * deadline ({@link RequestDeadline#exceeded}) is not: that client is still there, and is answered 408.
     */
    public static boolean isAbort(Throwable failure) {
        if (RequestDeadline.exceeded(failure)) {
            return false;
        }
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof ClientAbortException || cause instanceof AsyncRequestNotUsableException) {
                return true;
            }
            if (cause instanceof IOException && saysConnectionLost(cause.getMessage()) && fromServerSocket(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean saysConnectionLost(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("broken pipe") || lower.contains("connection reset");
    }

    /** Thrown by the server's socket code: the first frame outside the JDK is Tomcat's. */
    private static boolean fromServerSocket(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("sun.")
                    || type.startsWith("jdk.")) {
                continue;
            }
            return SERVER_SOCKET_CODE.stream().anyMatch(type::startsWith);
        }
        return false;
    }

    private static String types(Throwable failure) {
        List<String> types = new ArrayList<>();
        for (Throwable cause = failure; cause != null && types.size() < 10; cause = cause.getCause()) {
            types.add(cause.getClass().getName());
        }
        return String.join(" <- ", types);
    }
}
