package app.ferry.engine.download;

import java.io.IOException;

/**
 * Not a failure: the remote file changed or the server misbehaved, so the download starts over
 * (at most {@link DownloadTransfer#MAX_RESTARTS} times). Thrown by every step of an attempt —
 * the answer's checks, a segment's connection — and caught only by {@link DownloadTransfer}.
 */
class RestartFromZero extends IOException {

    RestartFromZero(String message) {
        super(message);
    }

    RestartFromZero(String message, Throwable cause) {
        super(message, cause);
    }
}
