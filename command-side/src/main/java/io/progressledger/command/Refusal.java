package io.progressledger.command;

/**
 * A command an aggregate refuses because it contradicts the facts it has recorded: nothing is recorded, and the
 * refusal says why in words a sender can act on. The webhook pipeline answers every refusal the same way (409) without
 * knowing which aggregate raised it; each aggregate names its own refusals as subclasses.
 */
public abstract class Refusal extends RuntimeException {

    protected Refusal(String message) {
        // No stack trace: a refusal is an answer, not a failure, and it is raised on the hot path.
        super(message, null, false, false);
    }
}
