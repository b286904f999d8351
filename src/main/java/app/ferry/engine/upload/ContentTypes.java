package app.ferry.engine.upload;

import app.ferry.engine.http.MediaTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Guesses a media type from a file's name (never its contents). */
public final class ContentTypes {

    public static final String OCTET_STREAM = MediaTypes.OCTET_STREAM;

    private ContentTypes() {
    }

    /**
     * {@link MediaTypes}' table for the names it knows (the same answer on every machine, and no
     * cost: the platform's probe reads and parses {@code mime.types} on first use, ~20 ms of a
     * command-line upload), else the platform's guess, else octet-stream.
     */
    public static String of(Path file) {
        Path name = file.getFileName();
        String fileName = name == null ? "" : name.toString();
        Optional<String> known = typeOfName(fileName);
        if (known.isPresent()) {
            return known.get();
        }
        String probed;
        try {
            probed = Files.probeContentType(file);
        } catch (IOException e) {
            // The probe is only a hint; octet-stream is the answer without it.
            probed = null;
        }
        return probed != null && !probed.isBlank() ? probed : OCTET_STREAM;
    }

    /** The type a server would infer from a file name alone (a REST PUT's new name). */
    public static String ofName(String fileName) {
        return typeOfName(fileName).orElse(OCTET_STREAM);
    }

    private static Optional<String> typeOfName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : MediaTypes.typeOfExtension(fileName.substring(dot + 1));
    }
}
