package app.ferry.engine.http;

import app.ferry.engine.UrlNormalizer;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the name a download is saved under, in the order browsers use: the server's
 * {@code Content-Disposition} name, else the last segment of the URL path, else "download".
 * Every candidate goes through {@link SafeFileName}, so the result is always a safe single name.
 */
public final class FileNameChooser {

    /** The name used when neither the server nor the URL suggests one. */
    public static final String FALLBACK = "download";

    private FileNameChooser() {
    }

    /**
     * @param contentDisposition the raw {@code Content-Disposition} header value, as
     *     {@code HttpHeaders.firstValue("Content-Disposition")} returns it
     * @param url the URL the response came from (after redirects, as browsers do)
     * @param contentType the {@code Content-Type} header value, or null
     */
    public static String choose(Optional<String> contentDisposition, URI url, String contentType) {
        Objects.requireNonNull(contentDisposition, "contentDisposition");
        Objects.requireNonNull(url, "url");
        Optional<String> fromHeader = contentDisposition
                .flatMap(ContentDisposition::filename)
                .flatMap(SafeFileName::sanitize);
        if (fromHeader.isPresent()) {
            return fromHeader.get();
        }
        return lastPathSegment(url)
                .flatMap(SafeFileName::sanitize)
                .orElseGet(() -> FALLBACK + extensionFor(contentType));
    }

    /** The last segment of the raw path, percent-decoded as UTF-8 (kept raw if that fails). */
    private static Optional<String> lastPathSegment(URI url) {
        String path = url.getRawPath();
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        String segment = path.substring(path.lastIndexOf('/') + 1);
        String decoded = UrlNormalizer.percentDecode(segment);
        // A decoded "%2F" is a '/', which sanitize() treats as a path separator: the result can
        // only get shorter, never escape the folder.
        return Optional.of(decoded == null ? segment : decoded);
    }

    /** So that a nameless PDF still opens with a double click. */
    private static String extensionFor(String contentType) {
        return contentType == null ? "" : MediaTypes.extensionOfType(contentType).map(e -> "." + e).orElse("");
    }
}
