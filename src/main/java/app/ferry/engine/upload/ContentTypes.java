package app.ferry.engine.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Guesses a media type from a file's name (never its contents). */
public final class ContentTypes {

    public static final String OCTET_STREAM = "application/octet-stream";

    /**
     * Used when the platform does not know a name: {@code Files.probeContentType} depends on the
     * machine's {@code mime.types} and misses e.g. webp on a bare Linux.
     */
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("heic", "image/heic"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("7z", "application/x-7z-compressed"),
            Map.entry("tar", "application/x-tar"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("mkv", "video/x-matroska"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("wav", "audio/wav"),
            Map.entry("flac", "audio/flac"));

    private ContentTypes() {
    }

    /** The platform's guess, else a small built-in table, else {@code application/octet-stream}. */
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
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), OCTET_STREAM);
    }
}
