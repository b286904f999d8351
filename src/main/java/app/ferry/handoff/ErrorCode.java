package app.ferry.handoff;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a request was refused; its wire form is the lower-case name with dashes. */
public enum ErrorCode {
    /** The length prefix asks for more than {@link HandOffProtocol#MAX_MESSAGE_BYTES} (or is negative). */
    TOO_LARGE,
    /** The connection ended inside a frame. */
    TRUNCATED,
    /** The frame is not UTF-8 JSON of the request's shape. */
    BAD_JSON,
    /** No version, or one this Ferry does not speak. */
    UNSUPPORTED_VERSION,
    /** A request type this version does not have. */
    UNKNOWN_TYPE,
    /** Well-formed, but a field breaks a rule (a non-http URL, a header with a line break, too many downloads…). */
    INVALID,
    /** The peer runs as another user. */
    FORBIDDEN,
    /** The window could not take the hand-off (it is closing, or did not answer in time). */
    UNAVAILABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ErrorCode> fromWire(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
    }
}
