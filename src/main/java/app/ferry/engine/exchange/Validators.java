package app.ferry.engine.exchange;

import java.net.http.HttpHeaders;

/**
 * The validators of an answer (RFC 9110 §8.8): its ETag, weak ({@code W/"…"}) or strong, and its
 * Last-Modified date. Every one is kept and compared on every answer; only a strong ETag or the
 * date may go into {@code If-Range} (§13.1.5), and only a strong ETag proves the bytes are the
 * same, so a resume guarded by a date alone is also checked by its overlap.
 *
 * @param etag the ETag as sent (with its {@code W/} if weak), or null
 * @param lastModified the Last-Modified date as sent, or null
 */
public record Validators(String etag, String lastModified) {

    public static Validators of(HttpHeaders headers) {
        String etag = headers.firstValue("ETag").map(String::trim).filter(Validators::isEntityTag).orElse(null);
        String lastModified = headers.firstValue("Last-Modified").map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        return new Validators(etag, lastModified);
    }

    private static boolean isEntityTag(String value) {
        String opaque = value.startsWith("W/") ? value.substring(2) : value;
        return opaque.length() >= 2 && opaque.startsWith("\"") && opaque.endsWith("\"");
    }

    public static boolean isStrong(String etag) {
        return etag != null && !etag.startsWith("W/");
    }

    /** The validator to send as {@code If-Range}: a strong ETag, else the date, else null (none may be used). */
    public static String ifRange(String etag, String lastModified) {
        return isStrong(etag) ? etag : lastModified;
    }

    public String ifRange() {
        return ifRange(etag, lastModified);
    }

    /** True when this answer names a strong ETag or a date: something a range request can be guarded by. */
    public boolean canGuardRanges() {
        return ifRange() != null;
    }

    /**
     * True when this answer comes from another version than the one saved: a server that honours
     * Range but ignores If-Range (or answers it by a date that did not change) would otherwise
     * splice two versions together. ETags are compared weakly (§8.8.3.2), so a weak one counts as
     * well; the dates are compared too unless two equal strong ETags already prove the bytes equal.
     */
    public boolean contradicts(String savedEtag, String savedLastModified) {
        if (savedEtag != null && etag != null) {
            if (!opaque(savedEtag).equals(opaque(etag))) {
                return true;
            }
            if (isStrong(savedEtag) && isStrong(etag)) {
                return false;
            }
        }
        return savedLastModified != null && lastModified != null && !savedLastModified.equals(lastModified);
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
