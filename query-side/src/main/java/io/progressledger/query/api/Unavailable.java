package io.progressledger.query.api;

/** A feature this deployment cannot offer (its event store does not allow it); answered with 501. */
public class Unavailable extends RuntimeException {

    public Unavailable(String message) {
        super(message);
    }
}
