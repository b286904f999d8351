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
            to = from.resolve(new URI(location.trim()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new TransferFailure.Fatal(Phrases.redirectInvalid(location), e);
        }
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TransferFailure.Fatal(Phrases.redirectNotHttp(to));
        }
        if ("https".equalsIgnoreCase(from.getScheme()) && scheme.equals("http") && !allowDowngrade) {
            throw new TransferFailure.Fatal(Phrases.redirectInsecure(from, to));
        }
        return to;
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
