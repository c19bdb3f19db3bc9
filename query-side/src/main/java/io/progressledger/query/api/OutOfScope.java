package io.progressledger.query.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A read a scoped token cannot be given as asked (a total over every institution, a filter outside its scope):
 * answered 403 {@code /problems/out-of-scope}, saying what to ask instead. Never depends on whether data exists.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class OutOfScope extends RuntimeException {

    public OutOfScope(String message) {
        super(message);
    }
}
