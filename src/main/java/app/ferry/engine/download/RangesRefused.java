package app.ferry.engine.download;

/**
 * A server that offered ranges answered one with the whole file, or with another part than the
 * one asked for: start over on one connection, which needs no range but the resume's.
 */
final class RangesRefused extends RestartFromZero {

    RangesRefused(String message) {
        super(message);
    }

    RangesRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
