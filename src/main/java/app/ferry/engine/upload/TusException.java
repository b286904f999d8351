package app.ferry.engine.upload;

import java.io.IOException;

/** A tus server answered with an unexpected status, or without a header the protocol requires. */
public final class TusException extends IOException {

    private final int status;

    TusException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /**
     * The upload is gone (404 Not Found, 410 Gone: expired, deleted, or never existed): offsets
     * mean nothing any more, so the caller starts a new upload instead of retrying this one.
     */
    public boolean isExpired() {
        return status == 404 || status == 410;
    }
}
