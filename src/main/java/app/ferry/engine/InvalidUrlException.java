package app.ferry.engine;

/**
 * A URL Ferry cannot download. The message says what is wrong with it and what the user can do,
 * so the UI can show it as is.
 */
public final class InvalidUrlException extends IllegalArgumentException {

    public InvalidUrlException(String message) {
        super(message);
    }

    public InvalidUrlException(String message, Throwable cause) {
        super(message, cause);
    }
}
