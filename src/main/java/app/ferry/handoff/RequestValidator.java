package app.ferry.handoff;

import app.ferry.engine.InvalidUrlException;
import app.ferry.engine.NormalizedUrl;
import app.ferry.engine.UrlNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a decoded {@link Request} field by field. A request with any bad download is refused
 * whole, naming every problem: a sender that meant five downloads and got three would not know
 * which. Nothing here trusts the sender, who may be a browser extension fed by a web page.
 */
final class RequestValidator {

    /** What a valid request asks for. */
    sealed interface Valid {
        record Ping() implements Valid {
        }

        record Deliver(HandOff handOff) implements Valid {
        }
    }

    /** RFC 9110 §5.6.2 {@code token}: a header name. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    /**
     * Headers the HTTP client sets itself or that belong to a field of their own. java.net.http
     * refuses the first five outright; Cookie and Referer go in {@code cookies} and {@code referer}
     * so that each has one place (and cookies one place to be redacted).
     */
    private static final Set<String> REFUSED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "cookie", "referer", "range", "if-range");

    private RequestValidator() {
    }

    static Valid validate(Request request) throws ProtocolViolation {
        if (request.version() == null) {
            throw new ProtocolViolation(ErrorCode.UNSUPPORTED_VERSION, "the request has no \"version\"; this Ferry speaks "
                    + HandOffProtocol.SUPPORTED_VERSIONS);
        }
        if (!HandOffProtocol.SUPPORTED_VERSIONS.contains(request.version())) {
            throw new ProtocolViolation(ErrorCode.UNSUPPORTED_VERSION, "version " + request.version()
                    + " is not spoken by this Ferry, which speaks " + HandOffProtocol.SUPPORTED_VERSIONS);
        }
        String type = request.type();
        if (Request.PING.equals(type)) {
            if (request.downloads() != null || request.bringToFront() != null) {
                throw new ProtocolViolation(ErrorCode.INVALID, "a ping carries no downloads and no bringToFront");
            }
            return new Valid.Ping();
        }
        if (!Request.HAND_OFF.equals(type)) {
            throw new ProtocolViolation(ErrorCode.UNKNOWN_TYPE, "the request type " + (type == null ? "is missing"
                    : "\"" + shorten(type) + "\" is unknown") + "; version " + HandOffProtocol.VERSION + " has \""
                    + Request.HAND_OFF + "\" and \"" + Request.PING + "\"");
        }
        List<Download> given = request.downloads() == null ? List.of() : request.downloads();
        if (given.size() > HandOffProtocol.MAX_DOWNLOADS) {
            throw new ProtocolViolation(ErrorCode.INVALID, given.size() + " downloads in one request; at most "
                    + HandOffProtocol.MAX_DOWNLOADS + " are taken, send the rest in another");
        }
        List<String> problems = new ArrayList<>();
        List<Download> checked = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            Download download = given.get(i);
            if (download == null) {
                problems.add("download " + (i + 1) + " is null");
                continue;
            }
            int before = problems.size();
            Download clean = check(download, "download " + (i + 1), problems);
            if (problems.size() == before) {
                checked.add(clean);
            }
        }
        if (!problems.isEmpty()) {
            throw new ProtocolViolation(ErrorCode.INVALID, String.join("; ", problems));
        }
        return new Valid.Deliver(new HandOff(checked, request.bringToFront() == null || request.bringToFront()));
    }

    private static Download check(Download download, String where, List<String> problems) {
        String url = webUrl(download.url(), at(where) + "url", true, problems);
        String referer = webUrl(download.referer(), at(where) + "referer", false, problems);
        String pageUrl = webUrl(download.pageUrl(), at(where) + "pageUrl", false, problems);
        Map<String, String> headers = new LinkedHashMap<>();
        if (download.headers().size() > HandOffProtocol.MAX_HEADERS) {
            problems.add(at(where) + "" + download.headers().size() + " headers; at most " + HandOffProtocol.MAX_HEADERS);
        } else {
            download.headers().forEach((name, value) -> {
                if (name == null || !TOKEN.matcher(name).matches()) {
                    problems.add(at(where) + "\"" + shorten(String.valueOf(name)) + "\" is not a header name");
                } else if (REFUSED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    problems.add(at(where) + "the header " + name + " is not taken"
                            + (name.equalsIgnoreCase("cookie") ? " (use \"cookies\")"
                            : name.equalsIgnoreCase("referer") ? " (use \"referer\")" : " (Ferry sets it)"));
                } else if (value == null || !fieldValue(value)) {
                    // The value is never quoted back: it may be a token.
                    problems.add(at(where) + "the value of the header " + name + " is empty, over "
                            + HandOffProtocol.MAX_HEADER_CHARS + " characters or holds a line break or control character");
                } else {
                    headers.put(name, value);
                }
            });
        }
        if (download.cookies() != null && !fieldValue(download.cookies())) {
            problems.add(at(where) + "cookies are empty, over " + HandOffProtocol.MAX_HEADER_CHARS
                    + " characters or hold a line break or control character");
        }
        String name = download.suggestedName();
        if (name != null && (name.isBlank() || name.length() > HandOffProtocol.MAX_NAME_CHARS
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\'))) {
            problems.add(at(where) + "the suggested name is blank, over " + HandOffProtocol.MAX_NAME_CHARS
                    + " characters or holds a slash or control character");
        }
        return new Download(url, headers, download.cookies(), referer, name, pageUrl);
    }

    /** "download 3: " in a request's problems; nothing for a single download checked on its own. */
    private static String at(String where) {
        return where.isEmpty() ? "" : where + ": ";
    }

    /** Every problem of one download, each starting with the field: for a client to check its input. */
    static List<String> problems(Download download) {
        List<String> problems = new ArrayList<>();
        check(download, "", problems);
        return problems;
    }

    /** The normalized http(s) URL, or null (with a problem recorded when one was required or given badly). */
    private static String webUrl(String value, String what, boolean required, List<String> problems) {
        if (value == null) {
            if (required) {
                problems.add(what + " is missing");
            }
            return null;
        }
        if (value.length() > HandOffProtocol.MAX_URL_CHARS) {
            problems.add(what + " is " + value.length() + " characters long; at most " + HandOffProtocol.MAX_URL_CHARS);
            return null;
        }
        try {
            NormalizedUrl normalized = UrlNormalizer.normalize(value);
            if (normalized.username() != null) {
                // A password in a URL would travel, and be stored, in the clear: the window asks for it instead.
                problems.add(what + " holds a user name or password; give the URL without it and enter the"
                        + " credentials when the window asks");
                return null;
            }
            return normalized.uri().toString();
        } catch (InvalidUrlException e) {
            problems.add(what + ": " + e.getMessage());
            return null;
        }
    }

    /** RFC 9110 §5.5: no CR, LF, NUL or other control character but tab. */
    private static boolean fieldValue(String value) {
        return !value.isBlank() && value.length() <= HandOffProtocol.MAX_HEADER_CHARS
                && value.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
