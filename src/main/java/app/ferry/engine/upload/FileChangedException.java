package app.ferry.engine.upload;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file being uploaded disappeared, changed size, was replaced, or was rewritten in place (its
 * modification time moved). Retrying the same request cannot help: the engine fails the task (a
 * tus upload starts over from a fresh {@link FileFingerprint} on its next run).
 *
 * <p>Why a raw or multipart upload is not simply retried, although a retry would read the new
 * contents from the start and send one consistent version: a file that changes under an upload is
 * usually still being written (a log, a download, an editor saving in place), so the retry would
 * most likely catch it half-written again, or send a version the user never meant to send. The
 * task fails and says so; uploading again once the file is settled is the user's call.
 *
 * <p>The JDK HTTP client rethrows a body publisher's failure wrapped in a new {@code IOException}
 * with the same message, so look for this type in the cause chain.
 */
public final class FileChangedException extends IOException {

    private final Path file;

    FileChangedException(Path file, String message) {
        super(message);
        this.file = file;
    }

    FileChangedException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
