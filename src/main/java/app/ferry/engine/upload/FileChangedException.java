package app.ferry.engine.upload;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file being uploaded disappeared or changed size. Retrying the same request cannot help: the
 * engine should fail the task (or start over from a fresh {@link FileFingerprint}).
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
