package app.ferry.engine.transfer;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Objects;

/**
 * Redirect rules shared by downloads and uploads. The JDK client is told not to follow
 * redirects so that Ferry can record the final URL and count hops; these are the rules the
 * client would otherwise have applied, made explicit and tested.
 */
public final class Redirects {

    /** Chrome and Firefox stop at 20, curl at 50, Safari at 16. */
    public static final int MAX_FOLLOW_UPS = 20;

    private Redirects() {
    }

    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Where a redirect points.
     *
     * @throws TransferFailure.Fatal when it has no usable Location, or would downgrade https to
     *     http without the user's leave
     */
    public static URI target(URI from, int status, HttpHeaders headers, boolean allowDowngrade) throws TransferFailure.Fatal {
        String location = headers.firstValue("Location").orElseThrow(() -> new TransferFailure.Fatal(
                Phrases.redirectWithoutLocation(status, from)));
        URI to;
        try {
            to = from.resolve(new URI(asciiOnly(location.trim())));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new TransferFailure.Fatal(Phrases.redirectInvalid(location), e);
        }
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TransferFailure.Fatal(Phrases.redirectNotHttp(to));
        }
        // java.net.URI takes "http://host:80x/" as a registry-based authority with no host, which
        // the HTTP client then refuses with an IllegalArgumentException: a bad address, not a bug.
        if (to.getHost() == null) {
            throw new TransferFailure.Fatal(Phrases.redirectInvalid(location));
        }
        if ("https".equalsIgnoreCase(from.getScheme()) && scheme.equals("http") && !allowDowngrade) {
            throw new TransferFailure.Fatal(Phrases.redirectInsecure(from, to));
        }
        return to;
    }

    /**
     * A Location with characters a URI cannot hold as they are (spaces, controls, {@code "<>\^`{|}},
     * anything beyond ASCII), each percent-encoded, as browsers do. Servers send {@code /static/功夫熊猫.mp4} as raw UTF-8, which the JDK client reads as
     * ISO-8859-1, one char per byte: such a char is encoded as the byte it was; a char beyond
     * one byte (a Location given some other way) as its UTF-8 bytes.
     */
    static String asciiOnly(String location) {
        StringBuilder out = null;
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(location.length() + 16).append(location, 0, i);
            }
            if (c <= 0xff) {
                percent(out, c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < location.length() ? i + 2 : i + 1;
            for (byte b : location.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                percent(out, b & 0xff);
            }
            i = end - 1;
        }
        return out == null ? location : out.toString();
    }

    private static void percent(StringBuilder out, int octet) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(octet >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(octet & 0xf, 16)));
    }

    /** Same scheme, host and port: only then may credentials follow a redirect (RFC 9110 §11.6.2 spirit; the JDK and browsers do the same). */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return Objects.equals(uri.getScheme().toLowerCase(Locale.ROOT), "https") ? 443 : 80;
    }
}
