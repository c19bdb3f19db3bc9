package io.progressledger.query.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A request that clashes with what is under way (a rebuild already running); answered with 409. */
@ResponseStatus(HttpStatus.CONFLICT)
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
