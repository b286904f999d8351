package app.ferry.engine.request;

import app.ferry.engine.InputRefused;
import app.ferry.engine.Problem;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A cookie to send. One given as {@code --cookie "a=b"} has no domain: it goes to the address the
 * user named (its origin) only. One read from a Netscape cookie file carries that file's scope and
 * is matched against every request URL (RFC 6265 §5.1.3 domain, §5.1.4 path, secure, expiry).
 *
 * @param domain the file's domain (a leading dot allowed), or null for "the task's origin"
 * @param includeSubdomains the file's second column: also send to hosts under {@code domain}
 * @param path the path it is scoped to ("/" for all)
 * @param secure send over https only
 * @param expiresEpochSecond when it stops being sent (seconds since 1970), 0 for a session cookie
 */
public record Cookie(String domain, boolean includeSubdomains, String path, boolean secure, long expiresEpochSecond,
                     String name, String value) {

    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        path = path == null || path.isEmpty() ? "/" : path;
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '=' || c == ';' || c == ',')) {
            throw refused(Problem.Code.COOKIE_NAME, List.of(name), "\"" + name + "\" is not a cookie name: no spaces, '=', ';' or ','");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ';')) {
            throw refused(Problem.Code.COOKIE_VALUE, List.of(name), "The value of cookie " + name + " contains ';' or a control character");
        }
    }

    /**
     * This cookie, if it can be sent as given: checked as input, not when a saved task is read
     * (earlier versions took such values; the JDK client sends '?' for them).
     */
    public Cookie requireSendable() {
        if (value.chars().anyMatch(c -> c > 0x7e)) {
            throw refused(Problem.Code.COOKIE_NOT_ASCII, List.of(name), "The value of cookie " + name + " has a character"
                    + " outside ASCII, which HTTP headers cannot carry: percent-encode it as the site does (é is %C3%A9)");
        }
        return this;
    }

    /** A cookie for the task's own origin, as {@code --cookie} gives it. */
    public static Cookie forOrigin(String name, String value) {
        return new Cookie(null, false, "/", false, 0, name, value);
    }

    /** True when this cookie goes with a request to {@code uri} at {@code nowEpochSecond}. */
    public boolean matches(URI uri, long nowEpochSecond) {
        if (expiresEpochSecond > 0 && expiresEpochSecond <= nowEpochSecond) {
            return false;
        }
        if (secure && !"https".equalsIgnoreCase(uri.getScheme())) {
            return false;
        }
        return domain == null || domainMatches(uri.getHost()) && pathMatches(uri.getRawPath());
    }

    private boolean domainMatches(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        d = d.startsWith(".") ? d.substring(1) : d;
        // RFC 6265 §5.1.3: an IP address matches only itself (".0.0.1" must not match 127.0.0.1).
        return h.equals(d) || includeSubdomains && !isIpAddress(h) && h.endsWith("." + d);
    }

    /** An IPv4 literal, or an IPv6 one (in a URI it comes in brackets; it holds colons either way). */
    private static boolean isIpAddress(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }

    // RFC 6265 §5.1.4: equal, or a prefix ending at a '/' boundary.
    private boolean pathMatches(String requestPath) {
        String p = requestPath == null || requestPath.isEmpty() ? "/" : requestPath;
        if (p.equals(path)) {
            return true;
        }
        return p.startsWith(path) && (path.endsWith("/") || p.charAt(path.length()) == '/');
    }

    /** Masked: a cookie value is a secret and must not reach a log through toString. */
    @Override
    public String toString() {
        return "Cookie[" + name + "=" + RequestOptions.MASK + (domain != null ? "; domain=" + domain : "") + "; path=" + path + "]";
    }

    private static InputRefused refused(Problem.Code code, List<String> args, String english) {
        return new InputRefused(new Problem(code, args, english, false));
    }
}
