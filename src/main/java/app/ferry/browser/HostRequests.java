package app.ferry.browser;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a message's bytes into a {@link HostRequest}, or says precisely what is wrong with it.
 * Strict on purpose: the extension and the host ship together, so an unknown field is a bug or
 * an attack, and a newer protocol gets a new {@code v}. Error messages name fields, never values
 * that may be secrets.
 */
final class HostRequests {

    static final int VERSION = 1;
    static final int MAX_DOWNLOADS = 200;
    static final int MAX_COOKIES = 300;
    static final int MAX_HEADERS = 50;
    static final int MAX_TEXT = 8192;

    private static final Set<String> REQUEST_FIELDS = Set.of("v", "type", "downloads");
    private static final Set<String> DOWNLOAD_FIELDS = Set.of("url", "headers", "cookies", "referer", "userAgent",
            "suggestedName", "pageUrl");
    private static final Set<String> COOKIE_FIELDS = Set.of("name", "value", "domain", "path", "secure", "expirationDate");
    /** Headers with a field of their own, or that only the HTTP client may set. */
    private static final Set<String> RESERVED_HEADERS = Set.of("cookie", "referer", "user-agent", "host", "content-length",
            "connection", "transfer-encoding", "upgrade", "te", "trailer", "keep-alive", "proxy-authorization",
            "proxy-connection", "expect", "range", "if-range");

    private final ObjectMapper json = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    HostRequest parse(byte[] message) throws HostProtocolException {
        JsonNode root;
        try {
            root = json.readTree(utf8(message));
        } catch (JsonProcessingException e) {
            throw new HostProtocolException("bad-json", "The message is not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ").");
        }
        if (root == null || !root.isObject()) {
            throw new HostProtocolException("bad-json", "The message must be a JSON object.");
        }
        JsonNode version = root.get("v");
        if (version == null || !version.isInt()) {
            throw new HostProtocolException("bad-version", "The message has no protocol version \"v\"; this host speaks version " + VERSION + ".");
        }
        if (version.intValue() != VERSION) {
            throw new HostProtocolException("bad-version", "Protocol version " + version.intValue()
                    + " is not known to this host, which speaks version " + VERSION + ": update Ferry and the extension together.");
        }
        onlyFields(root, REQUEST_FIELDS, "The message");
        String type = text(root, "type", "The message", true);
        return switch (type) {
            case "ping" -> {
                if (root.has("downloads")) {
                    throw new HostProtocolException("bad-message", "A ping carries no downloads.");
                }
                yield new HostRequest.Ping();
            }
            case "download" -> new HostRequest.Download(downloads(root.get("downloads")));
            default -> throw new HostProtocolException("unknown-type", "Unknown message type \"" + clip(type)
                    + "\"; this host knows ping and download.");
        };
    }

    private static String utf8(byte[] message) throws HostProtocolException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(message)).toString();
        } catch (CharacterCodingException e) {
            throw new HostProtocolException("bad-json", "The message is not valid UTF-8.");
        }
    }

    private static List<BrowserDownload> downloads(JsonNode node) throws HostProtocolException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new HostProtocolException("bad-message", "A download message needs a non-empty \"downloads\" array.");
        }
        if (node.size() > MAX_DOWNLOADS) {
            throw new HostProtocolException("bad-message", "A message may carry at most " + MAX_DOWNLOADS + " downloads, not " + node.size() + ".");
        }
        List<BrowserDownload> downloads = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            downloads.add(download(node.get(i), "Download " + (i + 1)));
        }
        return downloads;
    }

    private static BrowserDownload download(JsonNode node, String where) throws HostProtocolException {
        if (!node.isObject()) {
            throw new HostProtocolException("bad-message", where + " must be a JSON object.");
        }
        onlyFields(node, DOWNLOAD_FIELDS, where);
        URI url = httpUrl(text(node, "url", where, true), where + "'s url");
        String refererText = text(node, "referer", where, false);
        String pageText = text(node, "pageUrl", where, false);
        String userAgent = text(node, "userAgent", where, false);
        if (userAgent != null && !isHeaderValue(userAgent)) {
            throw new HostProtocolException("bad-message", where + "'s userAgent holds a control character.");
        }
        return new BrowserDownload(url, headers(node.get("headers"), where), cookies(node.get("cookies"), url, where),
                refererText == null ? null : httpUrl(refererText, where + "'s referer"), userAgent,
                suggestedName(text(node, "suggestedName", where, false), where),
                pageText == null ? null : httpUrl(pageText, where + "'s pageUrl"));
    }

    /** An absolute http or https URL with a host and no user name or password in it. */
    static URI httpUrl(String text, String what) throws HostProtocolException {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new HostProtocolException("bad-url", what + " is not a valid URL (" + e.getReason() + ").");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new HostProtocolException("bad-url", what + " must be an http or https URL, not "
                    + (scheme.isEmpty() ? "a relative one" : scheme + ":") + ".");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new HostProtocolException("bad-url", what + " has no host name.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new HostProtocolException("bad-url", what + " carries a user name or password; Ferry takes credentials separately.");
        }
        return uri;
    }

    private static Map<String, String> headers(JsonNode node, String where) throws HostProtocolException {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject() || node.size() > MAX_HEADERS) {
            throw new HostProtocolException("bad-message", where + "'s headers must be an object of at most " + MAX_HEADERS + " names.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            String name = header.getKey();
            if (!isToken(name)) {
                throw new HostProtocolException("bad-message", where + " has a header name that is not an HTTP token.");
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new HostProtocolException("bad-message", where + " sets the " + name
                        + " header, which Ferry sets itself (cookies, referer and userAgent have fields of their own).");
            }
            if (!header.getValue().isTextual() || !isHeaderValue(header.getValue().textValue())) {
                throw new HostProtocolException("bad-message", where + "'s header " + name + " must be text without line breaks.");
            }
            headers.put(name, header.getValue().textValue());
        }
        return headers;
    }

    private static List<BrowserCookie> cookies(JsonNode node, URI url, String where) throws HostProtocolException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_COOKIES) {
            throw new HostProtocolException("bad-message", where + "'s cookies must be an array of at most " + MAX_COOKIES + ".");
        }
        List<BrowserCookie> cookies = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String what = where + "'s cookie " + (i + 1);
            JsonNode cookie = node.get(i);
            if (!cookie.isObject()) {
                throw new HostProtocolException("bad-message", what + " must be a JSON object.");
            }
            onlyFields(cookie, COOKIE_FIELDS, what);
            String name = text(cookie, "name", what, true);
            String value = text(cookie, "value", what, true);
            if (!isCookieName(name) || !isCookieValue(value)) {
                throw new HostProtocolException("bad-message", what + " has a name or value a Cookie header cannot carry.");
            }
            String domain = text(cookie, "domain", what, true);
            // A cookie is only ever sent to the host it belongs to: one for another site here would be sent to the wrong origin.
            if (!domainMatches(url.getHost(), domain)) {
                throw new HostProtocolException("bad-message", what + " belongs to " + clip(domain) + ", not to " + url.getHost() + ".");
            }
            String path = text(cookie, "path", what, false);
            JsonNode secure = cookie.get("secure");
            if (secure != null && !secure.isBoolean()) {
                throw new HostProtocolException("bad-message", what + "'s secure must be true or false.");
            }
            JsonNode expires = cookie.get("expirationDate");
            if (expires != null && !expires.isNumber()) {
                throw new HostProtocolException("bad-message", what + "'s expirationDate must be a number of seconds.");
            }
            cookies.add(new BrowserCookie(name, value, domain, path == null ? "/" : path, secure != null && secure.booleanValue(),
                    expires == null ? null : (long) expires.doubleValue()));
        }
        return cookies;
    }

    private static String suggestedName(String name, String where) throws HostProtocolException {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.length() > 255 || name.equals(".") || name.equals("..") || name.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20)) {
            throw new HostProtocolException("bad-message", where + "'s suggestedName must be a plain file name (no folders, at most 255 characters).");
        }
        return name;
    }

    private static void onlyFields(JsonNode node, Set<String> known, String where) throws HostProtocolException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new HostProtocolException("bad-message", where + " has an unknown field \"" + clip(field) + "\".");
            }
        }
    }

    private static String text(JsonNode node, String field, String where, boolean required) throws HostProtocolException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new HostProtocolException("bad-message", where + " has no \"" + field + "\".");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new HostProtocolException("bad-message", where + "'s \"" + field + "\" must be a string.");
        }
        if (value.textValue().length() > MAX_TEXT) {
            throw new HostProtocolException("bad-message", where + "'s \"" + field + "\" is longer than " + MAX_TEXT + " characters.");
        }
        return value.textValue();
    }

    static boolean domainMatches(String host, String cookieDomain) {
        String h = host.toLowerCase(Locale.ROOT);
        String d = cookieDomain.toLowerCase(Locale.ROOT);
        d = d.startsWith(".") ? d.substring(1) : d;
        return !d.isEmpty() && (h.equals(d) || h.endsWith("." + d));
    }

    /** RFC 9110 token: the characters a header or cookie name may hold. */
    private static boolean isToken(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
    }

    private static boolean isHeaderValue(String s) {
        return s.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0);
    }

    /** Looser than a token for the same reason as values: browsers keep names such as {@code a[b]}. */
    private static boolean isCookieName(String s) {
        return !s.isEmpty() && s.chars().noneMatch(c -> c == ';' || c == '=' || c <= 0x20 || c == 0x7F);
    }

    /**
     * Looser than RFC 6265's cookie-octet on purpose: browsers store and send commas, quotes and
     * spaces inside values, and such a cookie must reach the server as the browser would send it.
     * Only what would break the header apart is refused.
     */
    private static boolean isCookieValue(String s) {
        return s.chars().noneMatch(c -> c == ';' || c < 0x20 || c == 0x7F);
    }

    /** Names from the message are quoted in errors; keep them short so an error stays one line. */
    private static String clip(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }
}
