package app.ferry.engine.upload;

import app.ferry.engine.http.MediaTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Guesses a media type from a file's name (never its contents). */
public final class ContentTypes {

    public static final String OCTET_STREAM = "application/octet-stream";


    private ContentTypes() {
    }

    /**
     * The platform's guess, else {@link MediaTypes}' table ({@code Files.probeContentType} depends on
     * the machine's {@code mime.types} and misses e.g. webp on a bare Linux), else octet-stream.
     */
    public static String of(Path file) {
        String probed;
        try {
            probed = Files.probeContentType(file);
        } catch (IOException e) {
            // The probe is only a hint; the table below is the answer we fall back to either way.
            probed = null;
        }
        if (probed != null && !probed.isBlank()) {
            return probed;
        }
        Path name = file.getFileName();
        return ofName(name == null ? "" : name.toString());
    }

    /** The type a server would infer from a file name alone (a REST PUT's new name). */
    public static String ofName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return OCTET_STREAM;
        }
        return MediaTypes.typeOfExtension(fileName.substring(dot + 1)).orElse(OCTET_STREAM);
    }
}
