package io.progressledger.query.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A call without the credentials its route needs; answered with 401 and {@code WWW-Authenticate: Bearer}. */
@ResponseStatus(HttpStatus.UNAUTHORIZED)
public class Unauthenticated extends RuntimeException {

    public Unauthenticated(String message) {
        super(message);
    }
}
