package io.progressledger.command.webhook;

import io.progressledger.command.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /webhooks/{source}}: one endpoint for every sender; the source names the adapter and the credentials.
 * The body is read raw, at most one byte past the size limit, so that signatures are checked over exactly what was
 * sent and an oversized body is never held in memory whole.
 */
@RestController
public class WebhookController {

    private final Ingestion ingestion;
    private final int maxBodySize;

    public WebhookController(Ingestion ingestion, IngestionProperties properties) {
        this.ingestion = ingestion;
        this.maxBodySize = Math.toIntExact(properties.maxBodySize().toBytes());
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
        byte[] body = readAtMost(request, maxBodySize + 1);
        boolean oversized = body.length > maxBodySize || request.getContentLengthLong() > maxBodySize;
        if (body.length > maxBodySize) {
            body = Arrays.copyOf(body, maxBodySize);
        }
        Answer answer = ingestion.receive(new IncomingCall(source, headersOf(request), body, oversized,
                request.getRemoteAddr()));
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(answer.headers());
        headers.setContentType(answer.body() instanceof ProblemDetail
                ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        return ResponseEntity.status(answer.status()).headers(headers).body(answer.body());
    }

    private static byte[] readAtMost(HttpServletRequest request, int limit) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(limit);
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
