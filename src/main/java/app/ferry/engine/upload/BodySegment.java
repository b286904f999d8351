package app.ferry.engine.upload;

import java.nio.file.Path;
import java.util.Objects;

/** One piece of a request body: bytes already in memory, or a region of a file read on demand. */
sealed interface BodySegment {

    long length();

    /** Small bytes such as multipart headers and delimiters. */
    record Bytes(byte[] bytes) implements BodySegment {
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public long length() {
            return bytes.length;
        }
    }

    /**
     * Bytes {@code offset..offset+length} of {@code file}, whose whole size was {@code fileSize}
     * when the body was built. The size is checked again while streaming: a file that changes
     * under an upload would otherwise send a body that matches neither the old nor the new file.
     */
    record FileRegion(Path file, long offset, long length, long fileSize) implements BodySegment {
        public FileRegion {
            Objects.requireNonNull(file, "file");
            if (offset < 0 || length < 0 || offset > fileSize - length) {
                throw new IllegalArgumentException("region " + offset + "+" + length + " is outside "
                        + file + " (" + fileSize + " bytes)");
            }
        }
    }
}
