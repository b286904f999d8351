package app.ferry.engine.download;

import app.ferry.engine.Problem;
import java.io.IOException;

/**
 * Not a failure: the remote file changed or the server misbehaved, so the download starts over
 * (at most {@link DownloadTransfer#MAX_RESTARTS} times). Thrown by every step of an attempt —
 * the answer's checks, a segment's connection — and caught only by {@link DownloadTransfer}.
 */
class RestartFromZero extends IOException {

    /** Why, as a code for the history. */
    private final transient Problem problem;

    RestartFromZero(Problem problem) {
        super(problem.english());
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }

    RestartFromZero(Problem problem, Throwable cause) {
        super(problem.english(), cause);
        this.problem = problem;
    }
}
