package io.progressledger.command.webhook;

/**
 * How far a call got: what was learned of it, its verdict, and whether its delivery-log entry is settled (written in
 * the transaction that recorded its fact, or not to be written at all) or is still to be written on its own.
 */
record Settlement(Reading reading, Verdict verdict, boolean written) {

    static Settlement toWrite(Reading reading, Verdict verdict) {
        return new Settlement(reading, verdict, false);
    }
}
