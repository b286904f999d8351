package app.ferry.engine.upload;

import app.ferry.engine.Problem;
import java.io.IOException;

/** A tus server answered with an unexpected status, or without a header the protocol requires. */
public final class TusException extends IOException {

    private final int status;
    /** The same, as a code with data only; its English is the message. */
    private final transient Problem problem;

    TusException(Problem problem, int status) {
        super(problem.english());
        this.status = status;
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
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
