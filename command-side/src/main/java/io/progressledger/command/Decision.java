package io.progressledger.command;

/** What an aggregate decided about a command that did not break a rule. */
public enum Decision {
    /** A new fact: the aggregate emitted an event. */
    RECORDED,
    /** The aggregate already holds exactly this fact: nothing emitted. */
    DUPLICATE,
    /** A newer fact was already recorded; this late delivery changes nothing. */
    STALE
}
