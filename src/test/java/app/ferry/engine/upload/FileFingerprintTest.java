package app.ferry.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void recordsPathSizeAndModificationTime() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "hello");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_123L));

        FileFingerprint fingerprint = FileFingerprint.of(file);

        assertThat(fingerprint).isEqualTo(new FileFingerprint(file.toAbsolutePath().toString(), 5, 1_700_000_000_123L));
        assertThat(fingerprint.matches(file)).isTrue();
    }

    @Test
    void noLongerMatchesAfterAnEditAMoveOrADeletion() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "hello");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        FileFingerprint fingerprint = FileFingerprint.of(file);

        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_001_000L));
        assertThat(fingerprint.matches(file)).as("touched").isFalse();

        Files.writeString(file, "hello!");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
        assertThat(fingerprint.matches(file)).as("other size, same time").isFalse();

        Path other = Files.writeString(dir.resolve("b.txt"), "hello");
        Files.setLastModifiedTime(other, FileTime.fromMillis(1_700_000_000_000L));
        assertThat(fingerprint.matches(other)).as("same size and time, other path").isFalse();

        Files.delete(file);
        assertThat(fingerprint.matches(file)).as("deleted").isFalse();
    }

    @Test
    void refusesADirectory() {
        assertThatThrownBy(() -> FileFingerprint.of(dir))
                .isInstanceOf(IOException.class)
                .hasMessage(dir + " is not a regular file");
    }
}
