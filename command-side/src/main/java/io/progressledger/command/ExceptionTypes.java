package io.progressledger.command;

/** What the log may say of an exception: its type and its causes' types, never their messages (they quote rows). */
public final class ExceptionTypes {

    private ExceptionTypes() {
    }

    /** {@code a.B <- c.D <- ...}: the exception's class and each cause's, outermost first. */
    public static String chain(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.getClass().getName());
        int depth = 0;
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause() && depth < 20;
             cause = cause.getCause(), depth++) {
            chain.append(" <- ").append(cause.getClass().getName());
        }
        return chain.toString();
    }
}
