package app.ferry.handoff;

/** The running window could not take a hand-off; the message says why, for the sender's user. */
public final class HandOffUnavailableException extends Exception {

    public HandOffUnavailableException(String message) {
        super(message);
    }

    public HandOffUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
