package io.progressledger.command.webhook;

/** The verdict on a call's credentials; {@code detail} tells the sender what to fix and never holds a secret. */
public record Authentication(boolean authenticated, String method, String detail) {

    static Authentication by(String method) {
        return new Authentication(true, method, null);
    }

    static Authentication refused(String detail) {
        return new Authentication(false, null, detail);
    }
}
