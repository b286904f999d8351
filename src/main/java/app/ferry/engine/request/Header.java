package app.ferry.engine.request;

import app.ferry.engine.InputRefused;
import app.ferry.engine.Problem;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One request header the user asked for ({@code -H "Name: value"}), checked when it is made so
 * that a bad one is refused with a reason instead of failing inside the HTTP client later.
 */
public record Header(String name, String value) {

    /**
     * What the JDK client refuses to send (its {@code jdk.httpclient.allowRestrictedHeaders}
     * default set, jdk.internal.net.http.common.Utils): it manages them itself.
     */
    private static final Set<String> CLIENT_MANAGED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /**
     * Framing and hop-by-hop headers the JDK client would send as given, beside its own
     * Content-Length: a server would read the body (or its absence) two ways. Refused as input
     * ({@link #requireSendable}), not when a saved task is read: earlier versions took them.
     */
    private static final Set<String> FRAMING = Set.of("transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");

    /** What Ferry sets itself and must not be overridden: a resume depends on them. */
    private static final Set<String> FERRY_MANAGED = Set.of("range", "if-range", "accept-encoding", "tus-resumable",
            "upload-offset", "upload-length", "upload-metadata");

    /** Names whose values are secrets: never shown, logged or kept in the journal. */
    private static final Set<String> SECRET_NAMES = Set.of("authorization", "proxy-authorization", "cookie");

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || !name.chars().allMatch(Header::isTokenChar)) {
            throw refused(Problem.Code.HEADER_NAME, List.of(name), "\"" + name + "\" is not a header name: use letters, digits and -"
                    + " (no spaces), e.g. -H \"X-Token: abc\"");
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw refused(Problem.Code.HEADER_LINE_BREAK, List.of(name), "The value of header " + name
                    + " contains a line break: a header value must be one line");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (CLIENT_MANAGED.contains(lower)) {
            throw refused(Problem.Code.HEADER_CLIENT_SETS, List.of(name), "Header " + name + " cannot be set: the HTTP client sets it itself"
                    + " from the connection and the body");
        }
        if (FERRY_MANAGED.contains(lower)) {
            throw refused(Problem.Code.HEADER_FERRY_SETS, List.of(name), "Header " + name + " cannot be set: Ferry sets it itself to resume"
                    + " transfers safely");
        }
    }

    /**
     * Parses curl's {@code "Name: value"} form, as the user typed it: the value is trimmed of
     * surrounding blanks, and {@link #requireSendable checked}.
     *
     * @throws IllegalArgumentException with what was wrong, for the user
     */
    public static Header parse(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            // Not quoted back: what was typed may be a token.
            throw refused(Problem.Code.HEADER_NO_NAME, List.of(), "A header has no name before a colon: write it as \"Name: value\","
                    + " e.g. -H \"Accept: application/json\"");
        }
        return new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()).requireSendable();
    }

    /**
     * This header, if it can be sent as given; the checks of input (a command line, a dialog),
     * stricter than the constructor's, which also reads what earlier versions saved. The value
     * is never quoted back: it may be a token. The JDK client would throw on a control character
     * and send '?' for a character outside ASCII.
     *
     * @throws InputRefused with what was wrong, for the user
     */
    public Header requireSendable() {
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw refused(Problem.Code.HEADER_CONTROL, List.of(name), "The value of header " + name
                    + " contains a control character: remove it (only tabs are allowed)");
        }
        requireAscii(name, value);
        String lower = name.toLowerCase(Locale.ROOT);
        if (FRAMING.contains(lower)) {
            throw refused(Problem.Code.HEADER_CLIENT_SETS, List.of(name), "Header " + name + " cannot be set: the HTTP client"
                    + " sets it itself from the connection and the body");
        }
        if (lower.equals("proxy-authorization")) {
            throw refused(Problem.Code.HEADER_PROXY_AUTH, List.of(name), "Header " + name + " cannot be set: it would go to"
                    + " the server, not the proxy. Give the proxy's user and password with the proxy: --proxy"
                    + " http://USER:PASSWORD@HOST:PORT or --proxy-user, or in the window's Proxy settings");
        }
        return this;
    }

    /** Refuses a value of {@code what} with a character outside ASCII, without quoting it. */
    static void requireAscii(String what, String value) {
        if (value != null && value.chars().anyMatch(c -> c > 0x7e)) {
            throw refused(Problem.Code.NOT_ASCII, List.of(what), notAscii(what));
        }
    }

    /**
     * Refuses, when a request is made, a value the JDK client would throw on with the value in its
     * message (a control character, a character beyond ISO-8859-1): a task saved by an earlier
     * version may hold one. Said as a failure of the task, never as a bug.
     */
    public static void requireClientCanSend(String name, String value) {
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw refused(Problem.Code.HEADER_CONTROL, List.of(name), "The value of header " + name
                    + " contains a control character: remove it (only tabs are allowed)");
        }
        if (value.chars().anyMatch(c -> c > 0xff)) {
            throw refused(Problem.Code.NOT_ASCII, List.of(name), notAscii(name));
        }
    }

    /** False for a name Ferry or the HTTP client sets itself, which {@link #Header} or {@link #requireSendable} refuses. */
    public static boolean isSettable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !CLIENT_MANAGED.contains(lower) && !FERRY_MANAGED.contains(lower) && !FRAMING.contains(lower)
                && !lower.equals("proxy-authorization");
    }

    /** Why a value outside ASCII is refused: what the user can do instead. */
    static String notAscii(String what) {
        return "The value of " + what + " has a character outside ASCII, which HTTP headers cannot carry:"
                + " percent-encode it (é is %C3%A9) or leave it out";
    }

    /** True when the value is a secret (credentials, cookies, tokens). */
    @JsonIgnore
    public boolean isSecret() {
        return isSecretName(name);
    }

    /**
     * Authorization, Proxy-Authorization and Cookie, and any name that says it carries a token,
     * key, secret, password or session: masking one harmless header too many costs nothing.
     */
    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_NAMES.contains(lower) || lower.contains("token") || lower.contains("secret")
                || lower.contains("password") || lower.contains("session") || lower.contains("api-key")
                || lower.contains("apikey") || lower.contains("auth");
    }

    /** {@code Name: value}, with the value masked when it is a secret: what may be shown. */
    public String masked() {
        return name + ": " + (isSecret() ? RequestOptions.MASK : value);
    }

    /** Masked: a record's default toString would print the secret into any log line. */
    @Override
    public String toString() {
        return masked();
    }

    // RFC 9110 §5.6.2 tchar.
    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    private static InputRefused refused(Problem.Code code, List<String> args, String english) {
        return new InputRefused(new Problem(code, args, english, false));
    }
}
