package app.ferry.engine;

import app.ferry.engine.upload.ContentTypes;
import java.nio.file.Path;
import java.util.Objects;

/** One field of a {@code multipart/form-data} body. Several parts may share a name ({@code userfile[]}). */
public sealed interface FormPart {

    String name();

    /** A text field, sent as UTF-8 without a Content-Type of its own, as browsers do. */
    record TextField(String name, String value) implements FormPart {
        public TextField {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A file, streamed from {@code file} when the body is sent. {@code filename} is what the server
     * sees; {@code contentType} goes into the part's header verbatim, so it may not hold line breaks.
     */
    record FileField(String name, Path file, String filename, String contentType) implements FormPart {
        public FileField {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
            if (!contentType.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("content type must be printable ASCII: \"" + contentType + "\"");
            }
        }

        /** The file under its own name, with the type guessed from that name. */
        public static FileField of(String name, Path file) {
            Path fileName = file.getFileName();
            if (fileName == null) {
                throw new IllegalArgumentException(file + " has no file name");
            }
            return new FileField(name, file, fileName.toString(), ContentTypes.of(file));
        }
    }
}
