package io.progressledger.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
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
 * A request is received whole within its deadline of its first byte, or answered {@code 408 /problems/request-timeout}
 * (from the side's own {@link ProblemFactory}) and its connection closed, on every route. Each side registers one with
 * its own setting (the command side's {@code progress.ingestion.body-read-deadline}, the query side's
 * {@code progress.requests.body-read-deadline}) and imports {@link DeadlineFilter}. Tomcat's own timeouts apply between
 * reads, not to a whole request: a client sending its body a byte every few seconds (slowloris) held a request thread
 * for as long as it liked, and a few hundred such clients took every thread.
 * <p>
 * Three parts: Tomcat waits at most the deadline for each read of a body (its upload timeout), so a client that
 * stops sending holds a thread no longer than that; every read of the body checks the deadline before it waits, so a
 * client that trickles is cut off at the first read past it ({@link DeadlineFilter}); and a valve turns either into
 * the one 408 answer, then closes the connection without reading the rest of the body (Tomcat would otherwise keep
 * reading up to 2 MB of it to reuse the connection). A thread is held at most twice the deadline. An answer given
 * before the body was read (a refusal) closes the connection too, for the same reason.
 * <p>
 * Headers are parsed by Tomcat without holding a thread (NIO), so slow headers cost a connection, not a thread; their
 * time counts against the deadline all the same, from the first byte of the request line.
 */
public class RequestDeadline implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    /** When the request must have been received, in {@link System#nanoTime()} terms. */
    static final String DEADLINE = RequestDeadline.class.getName() + ".deadline";
    /** Set once a read found the deadline passed. */
    static final String EXCEEDED = RequestDeadline.class.getName() + ".exceeded";
    /** Set by a handler that answered the timeout itself (a webhook call names the delivery it was recorded as). */
    public static final String ANSWERED = RequestDeadline.class.getName() + ".answered";
    /** Set by a handler that refused a request before reading its body: its connection is closed once answered. */
    public static final String CLOSE = RequestDeadline.class.getName() + ".close";
    /**
     * Set with {@link #ANSWERED}: the 408 body the handler answered (its own, naming what it recorded), written again
     * should Tomcat set the handler's answer aside; a body the JSON mapper writes in the wire's shape.
     */
    public static final String ANSWER = RequestDeadline.class.getName() + ".answer";

    private final Duration deadline;
    private final JsonMapper json;
    private final ProblemFactory problems;

    /**
     * @param deadline from a request's first byte to the last of its body; also the longest one read waits
     * @param json     writes the answer when the valve gives it (outside Spring MVC)
     * @param problems the side's one problem factory; its body must serialise in the wire's shape with {@code json}
     */
    public RequestDeadline(Duration deadline, JsonMapper json, ProblemFactory problems) {
        this.deadline = deadline;
        this.json = json;
        this.problems = problems;
    }

    public Duration deadline() {
        return deadline;
    }

    /** The one 408 answer's body. */
    public Object problem() {
        return problems.problem(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Request not received in time",
                detail(deadline));
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
        factory.addContextCustomizers(context -> context.getPipeline().addValve(new DeadlineValve(this)));
    }

    /** The read found the request's deadline passed: the caller answers 408 (or lets the valve do it). */
    public static final class Exceeded extends IOException {

        public Exceeded(String message, Throwable cause) {
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

        private final RequestDeadline deadline;

        DeadlineValve(RequestDeadline deadline) {
            super(true);
            this.deadline = deadline;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            long started = request.getCoyoteRequest().getStartTimeNanos();
            request.setAttribute(DEADLINE, (started > 0 ? started : System.nanoTime())
                    + deadline.deadline().toNanos());
            getNext().invoke(request, response);
            boolean late = Boolean.TRUE.equals(request.getAttribute(EXCEEDED))
                    || request.getCoyoteRequest().getErrorException() instanceof SocketTimeoutException;
            boolean close = Boolean.TRUE.equals(request.getAttribute(CLOSE)) || bodyLeft(request);
            if (request.isAsyncStarted() || !(late || close)) {
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
         * Answered without reading its whole body (refused before it, as a call without a valid token is): Tomcat would
         * read the rest to reuse the connection, at the client's pace and past the deadline (its reads are not the
         * application's), so a client sending a body slowly to a route that refuses it first held a thread all the
         * same. The connection is closed instead. A request without a body, or whose body was read, is not affected.
         */
        private static boolean bodyLeft(Request request) {
            return !request.getCoyoteRequest().isFinished();
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
            Object problem = request.getAttribute(ANSWER) != null ? request.getAttribute(ANSWER) : deadline.problem();
            byte[] body = deadline.json.writeValueAsBytes(problem);
            response.setStatus(408);
            response.setContentType("application/problem+json");
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
        }
    }

    /** Every read of a request's body checks its deadline first. Each side imports it with its RequestDeadline. */
    public static class DeadlineFilter extends OncePerRequestFilter implements Ordered {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpServletRequest reading = request.getAttribute(DEADLINE) instanceof Long deadline
                    ? new DeadlineRequest(request, deadline) : request;
            chain.doFilter(reading, new ClosingRefusals(response, reading));
        }
    }

    /**
     * A refusal answered before the request's body was read closes the connection (the valve), and says so in the
     * answer: a keep-alive client would otherwise send its next request on a socket about to be closed and lose it.
     * Decided when the status is set, before the answer is committed (Spring flushes a problem body at once).
     */
    private static final class ClosingRefusals extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ClosingRefusals(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void setStatus(int status) {
            announceClose(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            announceClose(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            announceClose(status);
            super.sendError(status, message);
        }

        private void announceClose(int status) {
            if (status >= 400 && !isCommitted() && bodyLeft()) {
                setHeader("Connection", "close");
            }
        }

        private boolean bodyLeft() {
            try {
                return !request.getInputStream().isFinished();
            } catch (IOException | IllegalStateException unreadable) {
                return false; // read as characters already, or gone: nothing for the valve to close over
            }
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
