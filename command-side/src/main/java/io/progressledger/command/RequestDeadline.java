package io.progressledger.command;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A request is received whole within {@code progress.ingestion.body-read-deadline} of its first byte, or answered
 * {@code 408 /problems/request-timeout} and its connection closed, on every route. Tomcat's own timeouts apply between
 * reads, not to a whole request: a client sending its body a byte every few seconds (slowloris) held a request thread
 * for as long as it liked, and a few hundred such clients took every thread.
 * <p>
 * Three parts: Tomcat waits at most the deadline for each read of a body (its upload timeout), so a client that
 * stops sending holds a thread no longer than that; every read of the body checks the deadline before it waits, so a
 * client that trickles is cut off at the first read past it ({@link DeadlineFilter}); and a valve turns either into
 * the one 408 answer, then closes the connection without reading the rest of the body (Tomcat would otherwise keep
 * reading up to 2 MB of it to reuse the connection). A thread is held at most twice the deadline.
 * <p>
 * Headers are parsed by Tomcat without holding a thread (NIO), so slow headers cost a connection, not a thread; their
 * time counts against the deadline all the same, from the first byte of the request line.
 */
@Component
public class RequestDeadline implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    /** When the request must have been received, in {@link System#nanoTime()} terms. */
    static final String DEADLINE = RequestDeadline.class.getName() + ".deadline";
    /** Set once a read found the deadline passed. */
    static final String EXCEEDED = RequestDeadline.class.getName() + ".exceeded";
    /** Set by a handler that answered the timeout itself (a webhook call names the delivery it was recorded as). */
    public static final String ANSWERED = RequestDeadline.class.getName() + ".answered";
    /** Set by a handler that refused a request before reading its body: its connection is closed once answered. */
    public static final String CLOSE = RequestDeadline.class.getName() + ".close";
    /** The delivery a webhook call refused for its deadline was recorded as, for the answer to name it. */
    public static final String DELIVERY_ID = RequestDeadline.class.getName() + ".deliveryId";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Duration deadline;

    public RequestDeadline(RequestDeadlineProperties properties) {
        this.deadline = properties.bodyReadDeadline();
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                // The longest one read of a body waits (default: the connection timeout, 60 s).
                http.setDisableUploadTimeout(false);
                http.setConnectionUploadTimeout(Math.toIntExact(deadline.toMillis()));
            }
        });
        factory.addContextCustomizers(context -> context.getPipeline().addValve(new DeadlineValve(deadline)));
    }

    /** The read found the request's deadline passed: the caller answers 408 (or lets the valve do it). */
    public static final class Exceeded extends IOException {

        Exceeded(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Whether a failure comes from a read past the request's deadline. */
    public static boolean exceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Exceeded) {
                return true;
            }
        }
        return false;
    }

    /** What the caller is told: how long it had. */
    public static String detail(Duration deadline) {
        return "the request was not received within " + deadline.toMillis() + " ms of its first byte; send it "
                + "whole and promptly";
    }

    /**
     * Sets each request's deadline from its first byte and, once the application is done, answers a request whose
     * deadline passed with the one 408 problem (unless the application already did) and closes its connection.
     */
    static final class DeadlineValve extends ValveBase {

        private final Duration deadline;

        DeadlineValve(Duration deadline) {
            super(true);
            this.deadline = deadline;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            long started = request.getCoyoteRequest().getStartTimeNanos();
            request.setAttribute(DEADLINE, (started > 0 ? started : System.nanoTime()) + deadline.toNanos());
            getNext().invoke(request, response);
            boolean late = Boolean.TRUE.equals(request.getAttribute(EXCEEDED))
                    || request.getCoyoteRequest().getErrorException() instanceof SocketTimeoutException;
            if (request.isAsyncStarted() || !(late || Boolean.TRUE.equals(request.getAttribute(CLOSE)))) {
                return;
            }
            if (late && !response.isCommitted() && !answeredAlready(request, response)) {
                answer(request, response);
            }
            response.finishResponse();
            // Nothing more is read from this client: the rest of its body is not waited for.
            request.getCoyoteRequest().action(ActionCode.CLOSE_NOW, null);
        }

        /**
         * The application answered the timeout itself, and Tomcat did not set its answer aside (it does when a read
         * waited its whole upload timeout).
         */
        private static boolean answeredAlready(Request request, Response response) {
            return Boolean.TRUE.equals(request.getAttribute(ANSWERED)) && !response.isError();
        }

        private void answer(Request request, Response response) throws IOException {
            // Whatever was under way (Tomcat's own 408 after a read waited too long, Spring's 400 for an unreadable
            // body) gives way to the one answer, and no error page is looked for.
            response.reset();
            response.setSuspended(false);
            response.setErrorReported();
            ProblemDetail problem = Problems.requestTimeout(detail(deadline));
            if (request.getAttribute(DELIVERY_ID) instanceof String deliveryId) {
                problem.setInstance(java.net.URI.create("/api/deliveries/" + deliveryId));
                problem.setProperty("deliveryId", deliveryId);
            }
            byte[] body = JSON.writeValueAsBytes(Problems.fields(problem));
            response.setStatus(408);
            response.setContentType("application/problem+json");
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
        }
    }

    /** Every read of a request's body checks its deadline first. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class DeadlineFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request.getAttribute(DEADLINE) instanceof Long deadline
                    ? new DeadlineRequest(request, deadline) : request, response);
        }
    }

    private static final class DeadlineRequest extends HttpServletRequestWrapper {

        private final long deadline;
        private DeadlineInputStream stream;

        DeadlineRequest(HttpServletRequest request, long deadline) {
            super(request);
            this.deadline = deadline;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new DeadlineInputStream(super.getInputStream(), getRequest(), deadline);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class DeadlineInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final ServletRequest request;
        private final long deadline;

        DeadlineInputStream(ServletInputStream in, ServletRequest request, long deadline) {
            this.in = in;
            this.request = request;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (in.isFinished()) {
                return -1; // all received: past the deadline or not, nothing more to wait for
            }
            if (System.nanoTime() - deadline > 0) {
                throw exceeded(null);
            }
            try {
                return in.read(buffer, offset, length);
            } catch (IOException e) {
                if (e instanceof SocketTimeoutException || e.getCause() instanceof SocketTimeoutException) {
                    throw exceeded(e); // the read waited its whole upload timeout: the deadline has passed too
                }
                throw e;
            }
        }

        private Exceeded exceeded(IOException cause) {
            request.setAttribute(EXCEEDED, Boolean.TRUE);
            return new Exceeded("the request's deadline passed before its body was received", cause);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }
    }
}
