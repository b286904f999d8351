package app.ferry.cli;

import app.ferry.engine.Credentials;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.NoProxyEntryProblem;
import app.ferry.engine.ProxySettings;
import org.apache.commons.cli.Options;

/**
 * curl's proxy options (long forms only: {@code -x} is {@code --connections} in Ferry, as in
 * aria2). Without them the {@code http_proxy} family of environment variables decides.
 */
record ProxyOptions(String proxy, String proxyUser, String noProxy) {

    static void addTo(Options options) {
        options.addOption(CliOptions.valued(null, "proxy", "URL",
                "Use this HTTP proxy for every URL: [http://][USER:PASSWORD@]HOST[:PORT] (port 1080 if none, as"
                        + " in curl); https goes through it with CONNECT; \"\" for none. Default: http_proxy,"
                        + " https_proxy, all_proxy from the environment. SOCKS proxies are not supported."));
        options.addOption(CliOptions.valued(null, "proxy-user", "USER:PASSWORD",
                "Basic credentials for the proxy (kept in memory only)."));
        options.addOption(CliOptions.valued(null, "noproxy", "LIST",
                "Hosts reached without the proxy, instead of no_proxy: comma-separated names (which include"
                        + " their subdomains), IP addresses, CIDR blocks, HOST:PORT, or * for all."));
    }

    static ProxyOptions of(Arguments arguments) {
        return new ProxyOptions(arguments.value("proxy"), arguments.value("proxy-user"), arguments.value("noproxy"));
    }

    /** @throws IllegalArgumentException naming the bad value, for the user */
    EngineConfig apply(EngineConfig config) {
        if (proxy == null && proxyUser == null && noProxy == null) {
            return config;
        }
        // A list typed here is checked, unlike the environment's no_proxy: a typo would match nothing silently.
        NoProxyEntryProblem.find(noProxy).ifPresent(problem -> {
            throw new IllegalArgumentException("--noproxy: " + problem.english());
        });
        Credentials user = proxyUser == null ? null : Credentials.parse(proxyUser);
        ProxySettings settings;
        try {
            settings = new ProxySettings(proxy, user, noProxy);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^The proxy", "--proxy"), e);
        }
        return config.withProxy(settings);
    }
}
