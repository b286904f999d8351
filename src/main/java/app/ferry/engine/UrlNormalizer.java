package app.ferry.engine;

import app.ferry.engine.request.RequestOptions;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a user pasted into a {@link NormalizedUrl}, or explains why it cannot be downloaded.
 *
 * <p>Users paste URLs copied from browsers, chats and documents: with spaces, raw non-ASCII paths,
 * Unicode host names and credentials. {@link URI} rejects most of that, so the input is split by
 * hand along RFC 3986 §3 ({@code scheme "://" authority path ["?" query] ["#" fragment]}) and each
 * part is encoded on its own; {@link URI} only checks the result.
 *
 * <p>The result is stable: normalizing {@code normalize(x).uri().toString()} gives the same URI.
 * The only exception that leaves {@link #normalize} is {@link InvalidUrlException}.
 */
public final class UrlNormalizer {

    /** RFC 3986 §3.1: {@code scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");

    /** RFC 3986 §2.3 unreserved and §2.2 sub-delims, plus ":" and "@": a {@code pchar} less pct-encoded. */
    private static final String PCHAR_EXTRA = "-._~!$&'()*+,;=:@";

    /** Longest text of the input quoted back in a message; URLs can be megabytes of junk. */
    private static final int MAX_QUOTED = 80;

    private UrlNormalizer() {
    }

    /**
     * Normalizes {@code input}: trimmed, scheme lower-cased, host converted to ASCII (IDNA) and
     * lower-cased, default port dropped, empty path made "/", path and query percent-encoded as
     * UTF-8 (existing {@code %XX} kept, a stray {@code %} encoded), fragment dropped (RFC 9110
     * §4.2.5: it is never sent to the server), and user-info moved out of the URI.
     *
     * @throws InvalidUrlException for anything Ferry cannot download, with a message for the user
     */
    public static NormalizedUrl normalize(String input) {
        if (input == null) {
            throw invalid(Problem.Code.URL_MISSING, "No URL given: paste an http:// or https:// address", null);
        }
        String url = input.strip().trim();
        if (url.isEmpty()) {
            throw invalid(Problem.Code.URL_EMPTY, "The URL is empty: paste an http:// or https:// address", null);
        }

        Matcher schemeMatcher = SCHEME.matcher(url);
        if (!schemeMatcher.find()) {
            throw invalid(Problem.Code.URL_NO_SCHEME, quoteUrl(url)
                    + " has no scheme: start it with http:// or https://", null, quoteUrl(url));
        }
        String scheme = schemeMatcher.group(1).toLowerCase(Locale.ROOT);
        // "example.com:8080/x" and "localhost:8080" parse as a scheme followed by a port.
        boolean looksLikeHostAndPort = scheme.indexOf('.') >= 0
                || (url.length() > schemeMatcher.end() && Character.isDigit(url.charAt(schemeMatcher.end())));
        if (looksLikeHostAndPort) {
            throw invalid(Problem.Code.URL_NO_SCHEME, quoteUrl(url)
                    + " has no scheme: start it with http:// or https://", null, quoteUrl(url));
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(Problem.Code.URL_NOT_HTTP, quoteUrl(url)
                    + " is not an http or https URL: Ferry downloads over HTTP(S) only", null, quoteUrl(url));
        }
        int afterScheme = schemeMatcher.end();
        if (!url.startsWith("//", afterScheme)) {
            throw invalid(Problem.Code.URL_NO_HOST, quoteUrl(url)
                    + " has no host: write it as " + scheme + "://host/path", null, quoteUrl(url), scheme);
        }

        int authorityStart = afterScheme + 2;
        int authorityEnd = indexOfAny(url, "/?#", authorityStart);
        String authority = url.substring(authorityStart, authorityEnd);
        int queryOrFragment = indexOfAny(url, "?#", authorityEnd);
        String path = url.substring(authorityEnd, queryOrFragment);
        String query = null;
        if (queryOrFragment < url.length() && url.charAt(queryOrFragment) == '?') {
            query = url.substring(queryOrFragment + 1, indexOfAny(url, "#", queryOrFragment + 1));
        }
        // Whatever follows '#' is the fragment: dropped.

        // RFC 3986 §3.2.1: userinfo ends at the last '@', since users paste unencoded '@' in passwords.
        String username = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        String hostPort = authority;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            hostPort = authority.substring(at + 1);
            if (!userInfo.isEmpty()) {
                int colon = userInfo.indexOf(':');
                username = decodeUserInfo(url, colon < 0 ? userInfo : userInfo.substring(0, colon));
                password = colon < 0 ? null : decodeUserInfo(url, userInfo.substring(colon + 1));
            }
        }

        String host;
        String port;
        if (hostPort.startsWith("[")) {
            // RFC 3986 §3.2.2: IP-literal = "[" IPv6address "]"; kept as is, URI validates it below.
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw invalid(Problem.Code.URL_IPV6_UNCLOSED, quoteUrl(url)
                        + " has an IPv6 address without its closing ']': check the address", null, quoteUrl(url));
            }
            host = hostPort.substring(0, close + 1).toLowerCase(Locale.ROOT);
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw invalid(Problem.Code.URL_AFTER_IPV6, quoteUrl(url)
                        + " has text after the IPv6 address: only :port may follow ']'", null, quoteUrl(url));
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? "" : hostPort.substring(colon + 1);
            host = asciiHost(url, host);
        }
        if (host.isEmpty()) {
            throw invalid(Problem.Code.URL_NO_HOST, quoteUrl(url) + " has no host: write it as "
                    + scheme + "://host/path", null, quoteUrl(url), scheme);
        }
        int portNumber = parsePort(url, port);
        // RFC 3986 §6.2.3: the scheme's default port is the same as no port.
        boolean defaultPort = portNumber == -1
                || (scheme.equals("http") && portNumber == 80)
                || (scheme.equals("https") && portNumber == 443);

        StringBuilder result = new StringBuilder(url.length() + 16);
        result.append(scheme).append("://").append(host);
        if (!defaultPort) {
            result.append(':').append(portNumber);
        }
        // RFC 3986 §6.2.3: an empty http(s) path is the same as "/".
        result.append(path.isEmpty() ? "/" : encode(url, path, "/"));
        if (query != null) {
            result.append('?').append(encode(url, query, "/?"));
        }

        URI uri;
        try {
            uri = new URI(result.toString());
        } catch (URISyntaxException e) {
            throw invalid(Problem.Code.URL_INVALID, quoteUrl(url) + " is not a valid URL ("
                    + e.getReason() + "): check it for typos", e, quoteUrl(url), e.getReason());
        }
        // URI falls back to a "registry-based" authority (getHost() == null) for host names it
        // cannot parse, such as "a_b.example"; java.net.http refuses those, so do we.
        if (uri.getHost() == null) {
            throw invalid(Problem.Code.URL_BAD_HOST, quoteUrl(url) + " has an invalid host name " + quote(host)
                    + ": check it for typos", null, quoteUrl(url), quote(host));
        }
        return new NormalizedUrl(uri, username, password);
    }

    private static String asciiHost(String url, String host) {
        if (host.isEmpty()) {
            return host;
        }
        String decoded = percentDecode(host);
        if (decoded == null) {
            throw invalid(Problem.Code.URL_HOST_PERCENT, quoteUrl(url) + " has a badly percent-encoded host name: "
                    + "type the host name without %", null, quoteUrl(url));
        }
        try {
            // RFC 5891 via RFC 3490 (all the JDK offers): "bücher.example" -> "xn--bcher-kva.example".
            return IDN.toASCII(decoded).toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            // IDN documents IllegalArgumentException, but has thrown others on odd input; none
            // may leave normalize(), so all are reported, with their cause, as an invalid URL.
            throw invalid(Problem.Code.URL_BAD_IDN, quoteUrl(url) + " has an invalid international host name: "
                    + "check it for typos", e, quoteUrl(url));
        }
    }

    private static int parsePort(String url, String port) {
        if (port.isEmpty()) {
            return -1; // RFC 3986 §3.2.3: "port = *DIGIT", so "host:" is a valid empty port.
        }
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(Problem.Code.URL_BAD_PORT, quoteUrl(url) + " has an invalid port " + quote(port)
                    + ": a port is a number from 1 to 65535", null, quoteUrl(url), quote(port));
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65_535) {
            throw invalid(Problem.Code.URL_BAD_PORT, quoteUrl(url) + " has an invalid port " + quote(port)
                    + ": a port is a number from 1 to 65535", null, quoteUrl(url), quote(port));
        }
        return number;
    }

    private static String decodeUserInfo(String url, String part) {
        String decoded = percentDecode(part);
        if (decoded == null) {
            throw invalid(Problem.Code.URL_USER_INFO, quoteUrl(url) + " has a user name or password that is not "
                    + "valid percent-encoded UTF-8: encode '%' as %25", null, quoteUrl(url));
        }
        return decoded;
    }

    /**
     * Encodes everything outside {@code pchar} (plus {@code allowed}) as UTF-8 {@code %XX}. A valid
     * {@code %XX} is kept (hex upper-cased, RFC 3986 §6.2.2.1) so that nothing is encoded twice;
     * a '%' not followed by two hex digits becomes {@code %25}.
     */
    private static String encode(String url, String text, String allowed) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                    out.append('%')
                            .append(Character.toUpperCase(text.charAt(i + 1)))
                            .append(Character.toUpperCase(text.charAt(i + 2)));
                    i += 3;
                } else {
                    out.append("%25");
                    i++;
                }
                continue;
            }
            if (c < 0x80 && (isAlphaNumeric(c) || PCHAR_EXTRA.indexOf(c) >= 0 || allowed.indexOf(c) >= 0)) {
                out.append(c);
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (Character.isSurrogate((char) codePoint)) {
                throw invalid(Problem.Code.URL_BROKEN_CHARACTER, quoteUrl(url) + " contains a broken Unicode character "
                        + "(a lone surrogate): copy the URL again from its source", null, quoteUrl(url));
            }
            for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
                appendPercent(out, b & 0xFF);
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** Strict percent-decoding as UTF-8; null if a '%' is not followed by two hex digits or the bytes are not UTF-8. */
    public static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                    return null;
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                if (Character.isSurrogate((char) codePoint)) {
                    return null; // A lone surrogate has no UTF-8 form.
                }
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null; // The caller reports what was wrong, in terms the user understands.
        }
    }

    private static void appendPercent(StringBuilder out, int b) {
        out.append('%')
                .append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isAlphaNumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** The input as shown in a message: quoted, shortened, control characters made visible. */
    private static InvalidUrlException invalid(Problem.Code code, String english, Throwable cause, String... args) {
        return new InvalidUrlException(new Problem(code, List.of(args), english, false), cause);
    }

    /**
     * {@code text} as a message may show it: a password in its user-info (what precedes the last
     * '@' of the authority, the part after "//" up to the first '/', '?' or '#') replaced by
     * {@code ••••}. An error about a URL quotes what was typed, and a terminal or a log must not
     * show a password. Without "//" there is no authority (RFC 3986 §3): "mailto:a@b" is kept.
     */
    public static String withoutPassword(String text) {
        int slashes = text.indexOf("//");
        if (slashes < 0) {
            return text;
        }
        int start = slashes + 2;
        int end = indexOfAny(text, "/?#", start);
        int at = text.lastIndexOf('@', end - 1);
        if (at < start) {
            return text;
        }
        int colon = text.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return text;
        }
        return text.substring(0, colon + 1) + RequestOptions.MASK + text.substring(at);
    }

    private static String quoteUrl(String url) {
        return quote(withoutPassword(url));
    }

    private static String quote(String text) {
        String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
        StringBuilder out = new StringBuilder(shown.length() + 2).append('"');
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
