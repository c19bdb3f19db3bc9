package io.progressledger.query.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.time.Duration;

/** The caller holds as much of a bounded resource as one caller may (its live streams): 429 with Retry-After. */
@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
public class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequests(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
