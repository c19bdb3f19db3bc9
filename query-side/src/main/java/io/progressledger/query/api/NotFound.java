package io.progressledger.query.api;

/** A resource the views do not know (yet); answered with 404. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
