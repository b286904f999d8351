package app.ferry.engine.http;

/** A response header whose value does not follow its grammar, so it cannot be trusted. */
public final class MalformedHeaderException extends IllegalArgumentException {

    public MalformedHeaderException(String message) {
        super(message);
    }

    public MalformedHeaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
