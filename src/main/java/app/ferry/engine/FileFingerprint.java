package app.ferry.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a local file looked like: enough to notice it changed between a pause and a resume,
 * without reading it again.
 */
public record FileFingerprint(String path, long size, long modifiedMillis) {

    public static FileFingerprint of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileFingerprint(file.toAbsolutePath().toString(), attributes.size(),
                attributes.lastModifiedTime().toMillis());
    }

    public boolean matches(Path file) throws IOException {
        return Files.isRegularFile(file) && equals(of(file));
    }
}
