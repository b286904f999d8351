package app.ferry.engine.request;

import app.ferry.engine.InputRefused;
import app.ferry.engine.Problem;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the user wants a task's requests made, kept with the task so that a resume after a restart
 * sends the same: the user's own headers, a User-Agent replacing Ferry's, a Referer and cookies.
 * Applied in one place, {@link app.ferry.engine.exchange.RequestBuilder}; everything but the
 * User-Agent goes to the origin the user named only.
 *
 * <p>A header named User-Agent, Referer or Cookie is moved into its own component, so that each
 * has one place. Secrets (see {@link Header#isSecret()} and every cookie) are masked in {@link
 * #toString()} and {@link #shownHeaders}, and kept out of the journal (docs/decisions/0009).
 *
 * @param userAgent replaces Ferry's default {@code Ferry/<version>}, or null
 * @param referer sent as {@code Referer}, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RequestOptions(List<Header> headers, String userAgent, String referer, List<Cookie> cookies) {

    /** How a secret value is shown. */
    public static final String MASK = "••••";

    public static final RequestOptions NONE = new RequestOptions(List.of(), null, null, List.of());

    public RequestOptions {
        List<Header> own = new ArrayList<>();
        List<Cookie> jar = new ArrayList<>(cookies == null ? List.of() : cookies);
        for (Header header : headers == null ? List.<Header>of() : headers) {
            switch (header.name().toLowerCase(Locale.ROOT)) {
                case "user-agent" -> userAgent = userAgent != null ? userAgent : header.value();
                case "referer" -> referer = referer != null ? referer : header.value();
                case "cookie" -> jar.addAll(CookieString.parse(header.value()));
                default -> own.add(header);
            }
        }
        // Secret ones last, each kind in the order given: a task read back (its secrets from their
        // own file) is then equal to the one saved. No server depends on the order of different names.
        own.sort(java.util.Comparator.comparing(Header::isSecret));
        headers = List.copyOf(own);
        cookies = List.copyOf(jar);
        userAgent = oneLine("User-Agent", blankToNull(userAgent));
        referer = oneLine("Referer", blankToNull(referer));
    }

    /**
     * What a dialog's fields give: {@code headerLines} one {@code Name: value} per line (blank
     * lines skipped), {@code cookies} as {@code a=b; c=d}.
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static RequestOptions fromText(String headerLines, String cookies) {
        List<Header> headers = new ArrayList<>();
        String[] lines = headerLines == null ? new String[0] : headerLines.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                headers.add(Header.parse(lines[i]));
            } catch (InputRefused e) {
                throw new InputRefused(new Problem(Problem.Code.HEADER_LINE, List.of(String.valueOf(i + 1)),
                        "Header line " + (i + 1) + ": " + e.getMessage(), false, e.problem()));
            }
        }
        return new RequestOptions(headers, null, null,
                cookies == null || cookies.isBlank() ? List.of() : CookieString.parse(cookies)).requireSendable();
    }

    /**
     * These options, if they can be sent as given: the checks of input (a command line, a
     * dialog), stricter than the constructors', which also read what earlier versions saved.
     *
     * @throws InputRefused with what was wrong, for the user
     */
    public RequestOptions requireSendable() {
        headers.forEach(Header::requireSendable);
        Header.requireAscii("User-Agent", userAgent);
        Header.requireAscii("Referer", referer);
        cookies.forEach(Cookie::requireSendable);
        return this;
    }

    /** The options of a task whose only setting is its headers. */
    public static RequestOptions ofHeaders(List<Header> headers) {
        return new RequestOptions(headers, null, null, List.of());
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** True when the user gave their own {@code Authorization} header: it is sent instead of any user name and password. */
    public boolean hasAuthorization() {
        return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase("Authorization"));
    }

    /**
     * What these options set, by name only (values may be secrets): header names, then
     * {@code Cookie}, {@code Referer}, {@code User-Agent} when set; e.g. to say what replaced what.
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        headers.forEach(h -> names.add(h.name()));
        if (!cookies.isEmpty()) {
            names.add("Cookie");
        }
        if (referer != null) {
            names.add("Referer");
        }
        if (userAgent != null) {
            names.add("User-Agent");
        }
        return names;
    }

    /** True when some value must be kept as a secret. */
    public boolean hasSecrets() {
        return !cookies.isEmpty() || headers.stream().anyMatch(Header::isSecret);
    }

    /** What may be written anywhere: no secret header, no cookie. */
    public RequestOptions withoutSecrets() {
        return new RequestOptions(headers.stream().filter(h -> !h.isSecret()).toList(), userAgent, referer, List.of());
    }

    /** Only the secrets: the secret headers and the cookies. */
    public RequestOptions secrets() {
        return new RequestOptions(headers.stream().filter(Header::isSecret).toList(), null, null, cookies);
    }

    /** These options with {@code more}'s headers and cookies added (a secret part read back). */
    public RequestOptions plus(RequestOptions more) {
        List<Header> all = new ArrayList<>(headers);
        all.addAll(more.headers);
        List<Cookie> jar = new ArrayList<>(cookies);
        jar.addAll(more.cookies);
        return new RequestOptions(all, userAgent != null ? userAgent : more.userAgent,
                referer != null ? referer : more.referer, jar);
    }

    /**
     * The {@code Cookie} header for a request to {@code uri} at {@code nowEpochSecond}, or null
     * when no cookie matches. Longer paths first (RFC 6265 §5.4).
     */
    public String cookieHeader(URI uri, long nowEpochSecond) {
        String value = cookies.stream()
                .filter(c -> c.matches(uri, nowEpochSecond))
                .sorted((a, b) -> Integer.compare(b.path().length(), a.path().length()))
                .map(c -> c.name() + "=" + c.value())
                .collect(Collectors.joining("; "));
        return value.isEmpty() ? null : value;
    }

    /**
     * The headers these options add to a request at the origin, as they may be shown: secret
     * values masked, cookies as one masked {@code Cookie} line.
     *
     * @param defaultUserAgent shown when the user set none
     */
    public List<String> shownHeaders(String defaultUserAgent) {
        List<String> lines = new ArrayList<>();
        lines.add("User-Agent: " + (userAgent != null ? userAgent : defaultUserAgent));
        if (referer != null) {
            lines.add("Referer: " + referer);
        }
        headers.forEach(h -> lines.add(h.masked()));
        if (!cookies.isEmpty()) {
            lines.add("Cookie: " + MASK);
        }
        return lines;
    }

    @Override
    public String toString() {
        return "RequestOptions" + shownHeaders("(default)");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String oneLine(String what, String text) {
        if (text != null && text.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new InputRefused(new Problem(Problem.Code.NOT_ONE_LINE, List.of(what),
                    what + " must be one line of text without control characters", false));
        }
        return text;
    }

    /**
     * For {@code @JsonInclude(CUSTOM)} on a spec's options: leaves empty options out of the saved
     * JSON, so that a task without them is saved as before (Jackson calls {@code equals} with the value).
     */
    public static final class OmitEmpty {
        @Override
        public boolean equals(Object value) {
            return value == null || value instanceof RequestOptions options && options.isEmpty();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
