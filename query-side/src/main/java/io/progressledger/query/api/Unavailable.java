package io.progressledger.query.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A feature this deployment cannot offer (its event store does not allow it); answered with 501. */
@ResponseStatus(HttpStatus.NOT_IMPLEMENTED)
public class Unavailable extends RuntimeException {

    public Unavailable(String message) {
        super(message);
    }
}
