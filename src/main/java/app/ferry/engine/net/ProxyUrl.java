package app.ferry.engine.net;

import app.ferry.engine.Credentials;
import app.ferry.engine.Problem;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP proxy: where it listens and, if it asks for them, the Basic credentials it is sent.
 * {@link #toString()} never shows the password (nor the user), so a proxy can be named in any
 * message.
 *
 * @param credentials null when the proxy needs none
 */
public record ProxyUrl(String host, int port, Credentials credentials) {

    /** curl's default when a proxy URL has no port (CURL_DEFAULT_PROXY_PORT). */
    public static final int DEFAULT_PORT = 1080;

    public ProxyUrl {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("A proxy needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("A proxy port must be between 1 and 65535, not " + port);
        }
    }

    /**
     * Parses {@code [http://][USER[:PASSWORD]@]HOST[:PORT][/]} as curl does: no scheme means
     * http, no port means 1080, user and password are percent-decoded.
     *
     * @param source where the text came from, for the message ({@code --proxy}, {@code https_proxy})
     * @throws IllegalArgumentException for a SOCKS or https proxy (which the JDK's client cannot
     *     use) and for anything that is not a proxy address, naming {@code source} and what to do
     */
    public static ProxyUrl parse(String text, String source) {
        String value = text.strip();
        String rest = value;
        int schemeEnd = value.indexOf("://");
        if (schemeEnd >= 0) {
            String scheme = value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            rest = value.substring(schemeEnd + 3);
            if (scheme.startsWith("socks")) {
                throw refused(Problem.Code.PROXY_SOCKS, List.of(source, safe(value), hostPart(rest)), source + " is "
                        + safe(value) + ": Ferry cannot use a SOCKS proxy"
                        + " (Java's HTTP client speaks only to HTTP proxies). Use an HTTP proxy (http://HOST:PORT),"
                        + " or put an HTTP-to-SOCKS bridge in front of it, e.g. Privoxy with"
                        + " \"forward-socks5 / " + hostPart(rest) + " .\", and give its address (http://127.0.0.1:8118)");
            }
            if (scheme.equals("https")) {
                throw refused(Problem.Code.PROXY_HTTPS, List.of(source, safe(value), hostPart(rest)), source + " is "
                        + safe(value) + ": Ferry talks to a proxy in plain"
                        + " HTTP only (https downloads still go end-to-end encrypted through it with CONNECT)."
                        + " Give the proxy as http://" + hostPart(rest));
            }
            if (!scheme.equals("http")) {
                throw refused(Problem.Code.PROXY_SCHEME, List.of(source, safe(value), scheme), source + " is "
                        + safe(value) + ": a proxy URL starts with http://"
                        + " (or has no scheme), not " + scheme + "://");
            }
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        Credentials credentials = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            String password = colon < 0 ? "" : userInfo.substring(colon + 1);
            credentials = new Credentials(decode(user, source), decode(password, source));
        }
        String host;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid(source, value, "ipv6Unclosed", "an IPv6 address must be closed with ]");
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                port = after.substring(1);
            } else if (!after.isEmpty()) {
                throw invalid(source, value, "afterIpv6", "unexpected text after the IPv6 address");
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '@' || c == '?' || c == '#')) {
            throw invalid(source, value, "noHost", "no proxy host in it");
        }
        int portNumber = DEFAULT_PORT;
        if (port != null && !port.isEmpty()) {
            try {
                portNumber = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw invalid(source, value, "portNumber", "the port must be a number");
            }
            if (portNumber < 1 || portNumber > 65535) {
                throw invalid(source, value, "portRange", "the port must be between 1 and 65535");
            }
        }
        return new ProxyUrl(host, portNumber, credentials);
    }

    /** The same proxy with other credentials (none when null). */
    public ProxyUrl withCredentials(Credentials other) {
        return new ProxyUrl(host, port, other);
    }

    /** Where to connect; resolved at each connection, so a DNS change is followed. */
    InetSocketAddress address() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** {@code http://HOST:PORT}: never the user or the password. */
    @Override
    public String toString() {
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static String decode(String text, String source) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused(Problem.Code.PROXY_ESCAPE, List.of(source), source
                    + ": the proxy user or password has a broken %-escape");
        }
    }

    /** @param fault which rule the address breaks, a word of the bundle's key ({@code problem.PROXY_INVALID.noHost}) */
    private static InvalidProxyException invalid(String source, String value, String fault, String why) {
        return refused(Problem.Code.PROXY_INVALID, List.of(source, safe(value), fault), source
                + " is not a proxy address (" + why + "): " + safe(value)
                + ". Give it as http://HOST:PORT, with USER:PASSWORD@ before the host if the proxy needs them");
    }

    private static InvalidProxyException refused(Problem.Code code, List<String> args, String english) {
        return new InvalidProxyException(new Problem(code, args, english, false));
    }

    /** The text with any {@code user:password@} left out, for messages. */
    private static String safe(String value) {
        int schemeEnd = value.indexOf("://");
        String scheme = schemeEnd >= 0 ? value.substring(0, schemeEnd + 3) : "";
        return scheme + hostPart(schemeEnd >= 0 ? value.substring(schemeEnd + 3) : value);
    }

    /** {@code HOST[:PORT]} of an authority with a possible user info and path. */
    private static String hostPart(String rest) {
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        return authority.substring(authority.lastIndexOf('@') + 1);
    }
}
