package app.ferry.engine.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * What a local file looked like when its upload started. Stored with a resumable (tus) upload, so
 * a resume after a restart can tell that the file was edited in between and start over instead
 * of appending new bytes to an old upload.
 *
 * <p>Size and modification time, not a hash: hashing a large file before every resume would cost
 * as much as re-reading it, and an edit that keeps both size and mtime is rare enough to accept.
 */
public record FileFingerprint(String path, long size, long modifiedMillis) {

    public FileFingerprint {
        Objects.requireNonNull(path, "path");
    }

    public static FileFingerprint of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " is not a regular file");
        }
        return new FileFingerprint(canonical(file), attributes.size(), attributes.lastModifiedTime().toMillis());
    }

    /** Whether {@code file} is the same path and still has this size and modification time. */
    public boolean matches(Path file) throws IOException {
        FileFingerprint now;
        try {
            now = of(file);
        } catch (NoSuchFileException e) {
            // A file that is gone is the clearest case of "not the same file any more".
            return false;
        }
        return equals(now);
    }

    private static String canonical(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}
