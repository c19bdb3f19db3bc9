package io.progressledger.query.api;

/** A request that clashes with what is under way (a rebuild already running); answered with 409. */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
