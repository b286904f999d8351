package app.ferry.engine.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of common file extensions and media types, read both ways: uploads guess a
 * Content-Type from a name, downloads without a name get an extension from their Content-Type.
 */
public final class MediaTypes {

    /** Bytes of no particular format. */
    public static final String OCTET_STREAM = "application/octet-stream";

    /** In order of preference: the first extension listed for a type is the one given to it. */
    private static final List<Map.Entry<String, String>> TABLE = List.of(
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
            Map.entry("flac", "audio/flac"),
            // Read one way only: see extensionOfType.
            Map.entry("bin", OCTET_STREAM));

    private MediaTypes() {
    }

    /** The type of an extension (without the dot, any case). */
    public static Optional<String> typeOfExtension(String extension) {
        String wanted = extension.toLowerCase(Locale.ROOT);
        return TABLE.stream().filter(e -> e.getKey().equals(wanted)).map(Map.Entry::getValue).findFirst();
    }

    /** The usual extension of a media type (parameters such as charset ignored), without the dot. */
    public static Optional<String> extensionOfType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        if (type.equals(OCTET_STREAM)) {
            // It names no format, so a download of it keeps the name it has rather than gain ".bin".
            return Optional.empty();
        }
        return TABLE.stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).findFirst();
    }
}
