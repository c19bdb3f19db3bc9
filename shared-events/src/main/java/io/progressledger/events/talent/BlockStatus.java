package io.progressledger.events.talent;

/** A talent block's status as Phoenix reports it. */
public enum BlockStatus {
    LOCKED, NOT_STARTED, IN_PROGRESS, FINISHED
}
