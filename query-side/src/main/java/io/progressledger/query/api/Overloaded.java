package io.progressledger.query.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.time.Duration;

/** This node holds as much of a bounded resource as it may (live streams), whoever asks: 503 with Retry-After. */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class Overloaded extends RuntimeException {

    private final Duration retryAfter;

    public Overloaded(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
