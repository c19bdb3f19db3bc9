package io.progressledger.command.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.progressledger.command.Problems;
import io.progressledger.command.RequestDeadlineProperties;
import io.progressledger.edge.RequestDeadline;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /webhooks/{source}}: one endpoint for every sender; the source names the adapter and the credentials.
 * The body is read raw, at most one byte past the size limit, so that signatures are checked over exactly what was
 * sent and an oversized body is never held in memory whole; a body not received within the request's deadline
 * ({@link RequestDeadline}) is refused with 408 and recorded, metadata only, as every refusal before authentication.
 */
@RestController
public class WebhookController {

    private final Ingestion ingestion;
    private final int maxBodySize;
    private final Duration deadline;
    private static final long BODY_READER_WAIT_MILLIS = 100;
    /** Calls whose body is still arriving, read at once (see IngestionProperties.maxBodyReaders). */
    private final Semaphore bodyReaders;

    public WebhookController(Ingestion ingestion, IngestionProperties properties,
                             RequestDeadlineProperties deadlineProperties, MeterRegistry metrics) {
        this.ingestion = ingestion;
        this.maxBodySize = Math.toIntExact(properties.maxBodySize().toBytes());
        this.deadline = deadlineProperties.bodyReadDeadline();
        this.bodyReaders = new Semaphore(properties.maxBodyReaders());
        int maxBodyReaders = properties.maxBodyReaders();
        metrics.gauge("progress.deliveries.body-readers", bodyReaders, s -> maxBodyReaders - s.availablePermits());
    }

    @PostMapping("/webhooks/{source}")
    public ResponseEntity<Object> receive(@PathVariable String source, HttpServletRequest request)
            throws IOException {
        if (!ingestion.knows(source)) {
            ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "no such webhook source", List.of()); // the path is not echoed: any caller can write it
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (ReaderPlace place = new ReaderPlace()) {
            if (!readAtMost(request, maxBodySize + 1, received, place)) {
                // Not recorded (as every call shed); the rest of the body is not waited for either.
                request.setAttribute(RequestDeadline.CLOSE, Boolean.TRUE);
                return answered(ingestion.shedBeforeReading(new IncomingCall(source, headersOf(request),
                        new byte[0], false, request.getRemoteAddr())));
            }
        } catch (RequestDeadline.Exceeded late) {
            Answer answer = ingestion.refuseTimedOut(new IncomingCall(source, headersOf(request),
                    received.toByteArray(), false, request.getRemoteAddr()), RequestDeadline.detail(deadline));
            request.setAttribute(RequestDeadline.ANSWERED, Boolean.TRUE);
            if (answer.body() instanceof ProblemDetail problem) {
                // Naming the delivery it was recorded as, should Tomcat set this answer aside.
                request.setAttribute(RequestDeadline.ANSWER, Problems.fields(problem));
            }
            return answered(answer);
        }
        byte[] body = received.toByteArray();
        boolean oversized = body.length > maxBodySize || request.getContentLengthLong() > maxBodySize;
        if (body.length > maxBodySize) {
            body = Arrays.copyOf(body, maxBodySize);
        }
        Answer answer = ingestion.receive(new IncomingCall(source, headersOf(request), body, oversized,
                request.getRemoteAddr()));
        return answered(answer);
    }

    private static ResponseEntity<Object> answered(Answer answer) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(answer.headers());
        headers.setContentType(answer.body() instanceof ProblemDetail
                ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        return ResponseEntity.status(answer.status()).headers(headers).body(answer.body());
    }

    /**
     * A place among the calls whose body is still arriving, taken when a read would have to wait for the client and
     * held until the body is read. Waited for briefly: an honest body a moment behind its headers gets one as soon as
     * another call's body has arrived.
     */
    private final class ReaderPlace implements AutoCloseable {

        private boolean held;

        /** False when none is free. */
        boolean take() {
            if (!held) {
                try {
                    held = bodyReaders.tryAcquire(BODY_READER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return held;
        }

        @Override
        public void close() {
            if (held) {
                bodyReaders.release();
            }
        }
    }

    /**
     * Reads at most {@code limit} bytes into {@code received}, which keeps what arrived if the reading fails. What
     * Tomcat holds already is read freely; a read that would wait for the client needs a {@link ReaderPlace}.
     *
     * @return false when a read would have waited and no place was free
     */
    private static boolean readAtMost(HttpServletRequest request, int limit, ByteArrayOutputStream received,
                                      ReaderPlace place) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            while (received.size() < limit) {
                if (in.available() <= 0 && !request.getInputStream().isFinished() && !place.take()) {
                    return false;
                }
                int read = in.read(buffer, 0, Math.min(buffer.length, limit - received.size()));
                if (read < 0) {
                    break;
                }
                received.write(buffer, 0, read);
            }
            return true;
        }
    }

    private static Map<String, List<String>> headersOf(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
