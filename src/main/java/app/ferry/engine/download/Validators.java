package app.ferry.engine.download;

import app.ferry.engine.DownloadProgress;
import java.net.http.HttpHeaders;

/**
 * The validators of a response that may guard a resume (RFC 9110 §13.1.5): a strong ETag, or a
 * Last-Modified date. A weak ETag ({@code W/"…"}) cannot be used with If-Range, so it is dropped.
 */
record Validators(String etag, String lastModified) {

    static Validators of(HttpHeaders headers) {
        String etag = headers.firstValue("ETag").map(String::trim)
                .filter(v -> !v.startsWith("W/") && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\""))
                .orElse(null);
        String lastModified = headers.firstValue("Last-Modified").map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        return new Validators(etag, lastModified);
    }

    /**
     * True when a 206 comes from another version than the one on disk: a server that honours
     * Range but ignores If-Range would otherwise splice two versions together.
     */
    boolean contradicts(DownloadProgress saved) {
        if (saved.etag() != null && etag != null) {
            return !saved.etag().equals(etag);
        }
        return saved.lastModified() != null && lastModified != null && !saved.lastModified().equals(lastModified);
    }
}
