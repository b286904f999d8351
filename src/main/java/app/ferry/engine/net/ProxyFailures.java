package app.ferry.engine.net;

import app.ferry.engine.Problem;
import app.ferry.engine.StatusLine;
import app.ferry.engine.transfer.TransferFailure;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request routed through an HTTP proxy failed of, said about the proxy. Through a proxy the
 * client connects to the proxy only, so a refused or unresolvable connection is the proxy's, not
 * the server's, as the JDK's words ("Connection refused") would have the user believe; and a
 * refused CONNECT comes as the JDK's bare "Tunnel failed, got: 403". Each names the proxy by host
 * and port (never its user or password) and where it was set, so the user knows what to fix.
 */
final class ProxyFailures {

    /** The JDK's words for a CONNECT answered with anything but 200 or 407 (jdk.internal.net.http.HttpClientImpl). */
    private static final Pattern TUNNEL = Pattern.compile("Tunnel failed, got: (\\d{3})");

    private ProxyFailures() {
    }

    /**
     * The failure as the user should read it, or {@code error} itself when the proxy is not to blame.
     *
     * @param source the environment variable that named the proxy, or null for the proxy setting
     */
    static Throwable explain(Throwable error, ProxyUrl proxy, String source, URI uri) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher tunnel = t.getMessage() == null ? null : TUNNEL.matcher(t.getMessage());
            if (tunnel != null && tunnel.find()) {
                return tunnelRefused(proxy, source, uri, Integer.parseInt(tunnel.group(1)), error);
            }
        }
        // The JDK wraps an unresolvable proxy host's UnresolvedAddressException in a ConnectException: look deeper first.
        Throwable connect = find(error, ConnectException.class);
        String fault = find(error, UnknownHostException.class) != null
                || find(error, UnresolvedAddressException.class) != null ? "unknownHost"
                : find(error, HttpConnectTimeoutException.class) != null ? "timedOut"
                : connect != null ? "refused" : null;
        if (fault != null) {
            return TransferFailure.Retryable.of(unreachable(proxy, source, fault, connect));
        }
        return error;
    }

    private static Throwable find(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static Problem unreachable(ProxyUrl proxy, String source, String fault, Throwable cause) {
        String why = switch (fault) {
            case "unknownHost" -> "its host name " + proxy.host() + " is not known";
            case "timedOut" -> "it did not answer in time";
            default -> cause == null || cause.getMessage() == null || cause.getMessage().isBlank() ? "connection refused"
                    : cause.getMessage().toLowerCase(java.util.Locale.ROOT);
        };
        return new Problem(Problem.Code.PROXY_UNREACHABLE, List.of(proxy.toString(), source == null ? "" : source, fault),
                "Could not connect to the proxy " + proxy + " (" + why + "): check " + where(source)
                        + ", and that the proxy runs", true);
    }

    private static TransferFailure tunnelRefused(ProxyUrl proxy, String source, URI uri, int status, Throwable cause) {
        String target = uri.getHost() + ":" + (uri.getPort() >= 0 ? uri.getPort() : 443);
        String answer = StatusLine.of(status);
        if (status == 405 || status == 501) {
            return new TransferFailure.Fatal(new Problem(Problem.Code.PROXY_NOT_TUNNELING,
                    List.of(proxy.toString(), String.valueOf(status), source == null ? "" : source),
                    "The proxy " + proxy + " answered CONNECT with " + answer + ": it is not an HTTP proxy that can"
                            + " carry https (a plain web server?); check " + where(source), false), cause);
        }
        List<String> args = List.of(proxy.toString(), target, String.valueOf(status));
        if (status == 502 || status == 503 || status == 504) {
            return TransferFailure.Retryable.of(new Problem(Problem.Code.PROXY_TUNNEL_FAILED, args,
                    "The proxy " + proxy + " could not reach " + target + " (" + answer + ")", true));
        }
        return new TransferFailure.Fatal(new Problem(Problem.Code.PROXY_TUNNEL_REFUSED, args,
                "The proxy " + proxy + " refused to connect to " + target + " (" + answer + "): it does not let you"
                        + " reach that host or port; ask the proxy's administrator, or, if the server can be reached"
                        + " without the proxy, list its host in no_proxy (--noproxy)", false), cause);
    }

    /** What to check: the variable, or the setting (the command line's or the window's). */
    private static String where(String source) {
        return source == null ? "the proxy setting (--proxy; in the window, Settings → Proxy)"
                : "the " + source + " environment variable (or give --proxy)";
    }
}
