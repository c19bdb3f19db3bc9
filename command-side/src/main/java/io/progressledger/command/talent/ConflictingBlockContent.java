package io.progressledger.command.talent;

import io.progressledger.command.Refusal;

/**
 * A delivery describes an already unlocked block differently from what was recorded, in a way that is not a status
 * change (another program, phase, order, block or learner, or other activities under the same status). Recording it
 * would rewrite history, so it is refused; the delivery stays in the log and can be retried after a correction.
 */
public class ConflictingBlockContent extends Refusal {

    private final String field;

    public ConflictingBlockContent(String talentBlockId, String field) {
        super("talent block " + talentBlockId + " was unlocked with another " + field
                + "; only its status may change");
        this.field = field;
    }

    /** The block attribute that differs from the recorded one. */
    public String field() {
        return field;
    }
}
