package app.ferry.browser;

import java.util.Objects;

/**
 * What the running Ferry answered to a hand-off: accepted (its downloads are queued, so the
 * extension may cancel the browser's own download) or rejected with a reason for the user.
 */
public record ForwardReply(boolean accepted, String message) {

    public ForwardReply {
        Objects.requireNonNull(message, "message");
    }

    public static ForwardReply accepted(String message) {
        return new ForwardReply(true, message);
    }

    public static ForwardReply rejected(String message) {
        return new ForwardReply(false, message);
    }
}
