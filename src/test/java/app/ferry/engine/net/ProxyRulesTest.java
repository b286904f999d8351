package app.ferry.engine.net;

import app.ferry.engine.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.engine.Credentials;
import app.ferry.engine.ProxySettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which proxy a request takes, from the environment (a map: the real one is never changed) and the settings. */
class ProxyRulesTest {

    private static final URI HTTP = URI.create("http://files.example.com/a.iso");
    private static final URI HTTPS = URI.create("https://files.example.com/a.iso");

    private static ProxyRoute route(Map<String, String> environment, URI uri) {
        return ProxyRules.of(ProxySettings.ENVIRONMENT, environment).routeFor(uri);
    }

    private static ProxyRoute via(String host, int port) {
        return new ProxyRoute.Via(new ProxyUrl(host, port, null));
    }

    @Test
    void lowerCaseVariablesChooseTheProxyPerScheme() {
        Map<String, String> environment = Map.of("http_proxy", "http://plain:3128", "https_proxy", "secure:3129");
        assertThat(route(environment, HTTP)).isEqualTo(via("plain", 3128));
        assertThat(route(environment, HTTPS)).isEqualTo(via("secure", 3129));
    }

    @Test
    void upperCaseHttpProxyIsIgnoredAsCurlDoesBecauseOfHttpoxy() {
        assertThat(route(Map.of("HTTP_PROXY", "http://evil:80"), HTTP)).isEqualTo(new ProxyRoute.Direct());
    }

    @Test
    void upperCaseHttpsProxyCountsWhenTheLowerCaseOneIsAbsent() {
        assertThat(route(Map.of("HTTPS_PROXY", "upper:1"), HTTPS)).isEqualTo(via("upper", 1));
        assertThat(route(Map.of("HTTPS_PROXY", "upper:1", "https_proxy", "lower:2"), HTTPS)).isEqualTo(via("lower", 2));
    }

    @Test
    void allProxyIsTheFallbackForBothSchemes() {
        Map<String, String> environment = Map.of("ALL_PROXY", "all:9", "https_proxy", "secure:3");
        assertThat(route(environment, HTTP)).isEqualTo(via("all", 9));
        assertThat(route(environment, HTTPS)).isEqualTo(via("secure", 3));
        assertThat(route(Map.of("all_proxy", "lower:1", "ALL_PROXY", "upper:2"), HTTP)).isEqualTo(via("lower", 1));
    }

    @Test
    void aVariableSetToNothingMeansNoProxyAndEndsTheSearch() {
        assertThat(route(Map.of("https_proxy", "", "all_proxy", "all:9"), HTTPS)).isEqualTo(new ProxyRoute.Direct());
    }

    @Test
    void noProxyLowerCaseFirstThenUpperCase() {
        Map<String, String> lower = Map.of("http_proxy", "p:1", "no_proxy", "example.com", "NO_PROXY", "other.org");
        assertThat(route(lower, HTTP)).isEqualTo(new ProxyRoute.Direct());
        Map<String, String> upper = Map.of("http_proxy", "p:1", "NO_PROXY", ".example.com");
        assertThat(route(upper, HTTP)).isEqualTo(new ProxyRoute.Direct());
        assertThat(route(upper, URI.create("http://example.org/"))).isEqualTo(via("p", 1));
    }

    @Test
    void noProxyPortsUseTheSchemesDefaultPort() {
        Map<String, String> environment = Map.of("https_proxy", "p:1", "http_proxy", "p:1", "no_proxy", "files.example.com:443");
        assertThat(route(environment, HTTPS)).isEqualTo(new ProxyRoute.Direct());
        assertThat(route(environment, HTTP)).isEqualTo(via("p", 1));
    }

    @Test
    void theManualProxyReplacesTheEnvironmentsAndNoProxyStillApplies() {
        Map<String, String> environment = Map.of("http_proxy", "env:1", "no_proxy", "example.com");
        ProxySettings manual = new ProxySettings("http://manual:8080", null, null);
        assertThat(ProxyRules.of(manual, environment).routeFor(URI.create("https://other.org/"))).isEqualTo(via("manual", 8080));
        assertThat(ProxyRules.of(manual, environment).routeFor(HTTP)).isEqualTo(new ProxyRoute.Direct());
        ProxySettings noProxyOption = new ProxySettings("manual:8080", null, "other.org");
        assertThat(ProxyRules.of(noProxyOption, environment).routeFor(HTTP)).as("--noproxy replaces no_proxy")
                .isEqualTo(via("manual", 8080));
    }

    @Test
    void anEmptyManualProxyMeansNoneWhateverTheEnvironment() {
        ProxyRules rules = ProxyRules.of(ProxySettings.NONE, Map.of("http_proxy", "p:1", "all_proxy", "a:2"));
        assertThat(rules.routeFor(HTTP)).isEqualTo(new ProxyRoute.Direct());
        assertThat(rules.routeFor(HTTPS)).isEqualTo(new ProxyRoute.Direct());
        assertThat(rules.alwaysDirect()).isTrue();
    }

    @Test
    void credentialsComeFromTheUrlPercentDecodedOrFromProxyUserWhichWins() {
        ProxyRoute fromUrl = route(Map.of("http_proxy", "http://al%40ice:p%3Aw%20d@p:1"), HTTP);
        assertThat(fromUrl).isEqualTo(new ProxyRoute.Via(new ProxyUrl("p", 1, new Credentials("al@ice", "p:w d"))));
        ProxySettings user = new ProxySettings(null, new Credentials("bob", "pw"), null);
        assertThat(ProxyRules.of(user, Map.of("http_proxy", "http://al:x@p:1")).routeFor(HTTP))
                .isEqualTo(new ProxyRoute.Via(new ProxyUrl("p", 1, new Credentials("bob", "pw"))));
    }

    @Test
    void aProxyUrlWithoutPortUsesCurlsDefaultAndIpv6IsBracketed() {
        assertThat(ProxyUrl.parse("proxy.corp", "t")).isEqualTo(new ProxyUrl("proxy.corp", 1080, null));
        assertThat(ProxyUrl.parse("http://[::1]:3128/", "t")).isEqualTo(new ProxyUrl("::1", 3128, null));
        assertThat(ProxyUrl.parse("http://[::1]:3128/", "t").toString()).isEqualTo("http://[::1]:3128");
    }

    @Test
    void aSocksProxyInTheEnvironmentRefusesRequestsRatherThanGoingAroundIt() {
        ProxyRoute route = route(Map.of("all_proxy", "socks5h://user:secret@127.0.0.1:1080"), HTTPS);
        assertThat(route).isInstanceOf(ProxyRoute.Refused.class);
        Problem reason = ((ProxyRoute.Refused) route).reason();
        assertThat(reason.code()).isEqualTo(Problem.Code.PROXY_SOCKS);
        assertThat(reason.args()).containsExactly("all_proxy", "socks5h://127.0.0.1:1080", "127.0.0.1:1080");
        assertThat(reason.english())
                .startsWith("all_proxy is socks5h://127.0.0.1:1080: Ferry cannot use a SOCKS proxy")
                .contains("Privoxy", "http://127.0.0.1:8118").doesNotContain("secret");
    }

    @Test
    void aManualSocksOrHttpsProxyIsRejectedUpFront() {
        assertThatThrownBy(() -> new ProxySettings("socks5://127.0.0.1:1080", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot use a SOCKS proxy");
        assertThatThrownBy(() -> new ProxySettings("https://proxy:443", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Give the proxy as http://proxy:443");
        assertThatThrownBy(() -> new ProxySettings("http://proxy:99999", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> new ProxySettings("http://:8080", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no proxy host");
    }

    @Test
    void noPasswordInAnyTextOfTheSettings() {
        ProxySettings settings = new ProxySettings("http://u:hunter2@p:1", new Credentials("v", "swordfish"), "x");
        NetworkSettings network = new NetworkSettings(settings, Map.of("API_TOKEN", "tok-123"));
        assertThat(settings.toString() + network + ProxyRules.of(settings, Map.of()) + settings.manual())
                .doesNotContain("hunter2", "swordfish", "tok-123");
    }
}
