package app.ferry.engine.net;

import app.ferry.engine.ProxySettings;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Which route each request takes, decided once from {@link ProxySettings} and the environment.
 *
 * <p>The environment is read as curl reads it: {@code http_proxy} for http URLs (lower case
 * only: a CGI program gets a request's {@code Proxy:} header as {@code HTTP_PROXY}, the "httpoxy"
 * hole); {@code https_proxy}, then {@code HTTPS_PROXY}, for https URLs; then {@code all_proxy},
 * {@code ALL_PROXY} for either; {@code no_proxy}, then {@code NO_PROXY}, for the exceptions. A
 * variable set to the empty string counts as set: it means "no proxy" and ends the search.
 */
public final class ProxyRules {

    private static final ProxyRoute DIRECT = new ProxyRoute.Direct();

    private final ProxyRoute http;
    private final ProxyRoute https;
    private final NoProxy noProxy;
    /** The variable each proxy came from, so a failure names what to fix; null for the proxy setting. */
    private final String httpSource;
    private final String httpsSource;

    private ProxyRules(ProxyRoute http, ProxyRoute https, NoProxy noProxy) {
        this(http, https, noProxy, null, null);
    }

    private ProxyRules(ProxyRoute http, ProxyRoute https, NoProxy noProxy, String httpSource, String httpsSource) {
        this.http = http;
        this.https = https;
        this.noProxy = noProxy;
        this.httpSource = httpSource;
        this.httpsSource = httpsSource;
    }

    /** The rules {@code settings} make with {@code environment} (a map, so tests need not change the real one). */
    public static ProxyRules of(ProxySettings settings, Map<String, String> environment) {
        NoProxy noProxy = NoProxy.parse(settings.noProxy() != null ? settings.noProxy()
                : first(environment, "no_proxy", "NO_PROXY").value());
        if (settings.proxy() != null) {
            ProxyUrl manual = settings.manual();
            ProxyRoute route = manual == null ? DIRECT : new ProxyRoute.Via(manual);
            return new ProxyRules(route, route, noProxy);
        }
        String[] httpNames = {"http_proxy", "all_proxy", "ALL_PROXY"};
        String[] httpsNames = {"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"};
        return new ProxyRules(fromEnvironment(environment, settings, httpNames),
                fromEnvironment(environment, settings, httpsNames), noProxy,
                first(environment, httpNames).name(), first(environment, httpsNames).name());
    }

    /**
     * Where the proxy for {@code uri} was set: the environment variable's name, or null for the
     * proxy setting ({@code --proxy}, the window's Settings → Proxy).
     */
    public String sourceFor(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) ? httpsSource : httpSource;
    }

    /** The route for a request to {@code uri} (http or https). */
    public ProxyRoute routeFor(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        ProxyRoute route = switch (scheme) {
            case "http" -> http;
            case "https" -> https;
            default -> DIRECT;
        };
        if (route instanceof ProxyRoute.Direct) {
            return route;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return noProxy.matches(uri.getHost(), port) ? DIRECT : route;
    }

    /** True when no request can go through a proxy: the client then needs no selector at all. */
    boolean alwaysDirect() {
        return http instanceof ProxyRoute.Direct && https instanceof ProxyRoute.Direct;
    }

    private static ProxyRoute fromEnvironment(Map<String, String> environment, ProxySettings settings, String... names) {
        Variable variable = first(environment, names);
        if (variable.value() == null || variable.value().isBlank()) {
            return DIRECT;
        }
        try {
            ProxyUrl url = ProxyUrl.parse(variable.value(), variable.name());
            return new ProxyRoute.Via(settings.user() == null ? url : url.withCredentials(settings.user()));
        } catch (InvalidProxyException e) {
            return new ProxyRoute.Refused(e.problem());
        }
    }

    /** The first of {@code names} that is set (even to ""), as curl looks them up. */
    private static Variable first(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null) {
                return new Variable(name, value);
            }
        }
        return new Variable(null, null);
    }

    private record Variable(String name, String value) {
    }

    @Override
    public String toString() {
        return "ProxyRules[http=" + http + ", https=" + https + "]";
    }
}
