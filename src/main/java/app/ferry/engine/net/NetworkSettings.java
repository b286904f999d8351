package app.ferry.engine.net;

import app.ferry.engine.ProxySettings;
import app.ferry.engine.Problem;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How the engine reaches servers: the proxy settings, and the environment they (and the CA
 * certificate variables {@code SSL_CERT_FILE}, {@code SSL_CERT_DIR}) are read from. The
 * environment is a parameter so that tests pass a map instead of changing the process's.
 *
 * @param environment the process's environment, or a map standing for it
 */
public record NetworkSettings(ProxySettings proxy, Map<String, String> environment) {

    public NetworkSettings {
        Objects.requireNonNull(proxy, "proxy");
        environment = Map.copyOf(environment);
    }

    /** What curl would do: proxies and CA certificates as this process's environment says. */
    public static NetworkSettings system() {
        return new NetworkSettings(ProxySettings.ENVIRONMENT, System.getenv());
    }

    public NetworkSettings withProxy(ProxySettings other) {
        return new NetworkSettings(other, environment);
    }

    public NetworkSettings withEnvironment(Map<String, String> other) {
        return new NetworkSettings(proxy, other);
    }

    /** The routes these settings give, read now. */
    public ProxyRules proxyRules() {
        return ProxyRules.of(proxy, environment);
    }

    /**
     * Builds the engine's client from {@code builder}, with these proxies: a selector for the
     * routes, and a wrapper that authenticates to the proxy and explains its refusals.
     */
    public HttpClient client(HttpClient.Builder builder) {
        ProxyRules rules = proxyRules();
        if (rules.alwaysDirect()) {
            // No selector: the JDK then connects directly, as it would with Proxy.NO_PROXY.
            return builder.build();
        }
        return new ProxiedHttpClient(builder.proxy(new RulesProxySelector(rules)).build(), rules);
    }

    /**
     * A TLS context trusting Java's CAs and the operating system's (see {@link SystemTrust}).
     * Expensive (it parses every CA certificate): call it when the first https connection needs it.
     */
    public SSLContext tls() {
        return SystemTrust.context(environment);
    }

    /**
     * Why {@code SSL_CERT_FILE} or {@code SSL_CERT_DIR}, when set, cannot be used: a front end says
     * it at once (cheap: nothing is parsed), before a certificate fails for it.
     */
    public List<Problem> certificateProblems() {
        return CaSources.problems(environment);
    }

    /** Never shows the environment (it may hold tokens) nor a proxy password. */
    @Override
    public String toString() {
        return "NetworkSettings[" + proxy + "]";
    }
}
