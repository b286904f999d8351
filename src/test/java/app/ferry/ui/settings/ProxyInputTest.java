package app.ferry.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.Credentials;
import app.ferry.engine.ProxySettings;
import app.ferry.ui.I18n;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What the proxy section accepts, and what it says about what it refuses. */
class ProxyInputTest {

    private static ProxyInput.Checked manual(String host, String port) {
        return ProxyInput.check(ProxyMode.MANUAL, host, port, "", false, "", false);
    }

    private static String english(ProxyInput.Checked checked) {
        return I18n.forLanguage("en").get(checked.problem().key(), checked.problem().args().toArray());
    }

    @Test
    void aSocksProxyIsRefusedSayingSoAndWhatToDoInstead() {
        ProxyInput.Checked checked = manual("socks5://127.0.0.1:1080", "");

        assertThat(checked.valid()).isFalse();
        assertThat(english(checked)).startsWith("SOCKS proxies are not supported").contains("HTTP proxy", "Privoxy");
        assertThat(manual("SOCKS5H://proxy", "1080").problem().key()).isEqualTo("settings.proxy.error.socks");
    }

    @Test
    void anHttpsProxyIsRefusedNamingTheScheme() {
        assertThat(english(manual("https://proxy.example.com", "443")))
                .isEqualTo("Ferry talks to a proxy in plain HTTP only, not https:// (https downloads stay encrypted"
                        + " through it). Enter the proxy host without https://.");
    }

    @Test
    void badPortsAreNamedWithTheirRange() {
        assertThat(english(manual("proxy.example.com", "70000")))
                .isEqualTo("The port must be a number from 1 to 65535, not “70000”.");
        assertThat(english(manual("proxy.example.com", "80a"))).isEqualTo("The port must be a number from 1 to 65535, not “80a”.");
        assertThat(english(manual("proxy.example.com", "0"))).contains("not “0”");
        assertThat(english(manual("proxy.example.com", " "))).isEqualTo(
                "Enter the proxy port, a number from 1 to 65535 (often 3128 or 8080).");
    }

    @Test
    void aMissingOrMalformedHostIsNamed() {
        assertThat(manual("", "3128").problem().key()).isEqualTo("settings.proxy.error.hostMissing");
        assertThat(english(manual("http://alice:pw@proxy:3128", ""))).doesNotContain("pw")
                .isEqualTo("Enter the proxy user and password in their own fields below, not in the host.");
        assertThat(english(manual("proxy example", "3128"))).startsWith("“proxy example” is not a host name");
    }

    @Test
    void aPastedProxyUrlGivesHostAndPort() {
        ProxyInput.Checked checked = manual(" http://proxy.example.com:8080/ ", "");

        assertThat(checked.valid()).isTrue();
        assertThat(checked.choice()).extracting(ProxyChoice::host, ProxyChoice::port).containsExactly("proxy.example.com", 8080);
        assertThat(english(manual("proxy.example.com:8080", "3128")))
                .isEqualTo("The host says port 8080 and the port field says 3128: keep one of them.");
        assertThat(manual("proxy.example.com:8080", "8080").valid()).isTrue();
    }

    @Test
    void ipv6AddressesWorkWithAndWithoutBrackets() {
        assertThat(manual("[::1]:3128", "").choice()).extracting(ProxyChoice::host, ProxyChoice::port).containsExactly("::1", 3128);
        assertThat(manual("fd00::5", "3128").choice().address()).isEqualTo("http://[fd00::5]:3128");
    }

    @Test
    void credentialsMustMakeSense() {
        assertThat(ProxyInput.check(ProxyMode.MANUAL, "p", "3128", "", true, "", false).problem().key())
                .isEqualTo("settings.proxy.error.passwordWithoutUser");
        assertThat(ProxyInput.check(ProxyMode.MANUAL, "p", "3128", "a:b", true, "", false).problem().key())
                .isEqualTo("settings.proxy.error.userColon");
    }

    @Test
    void aValidManualProxyBecomesTheEngineSettingsWithItsPasswordAndList() {
        ProxyInput.Checked checked = ProxyInput.check(ProxyMode.MANUAL, "proxy.example.com", "3128", " alice ", true,
                "example.org, 10.0.0.0/8", true);

        assertThat(checked.valid()).isTrue();
        ProxySettings engine = checked.choice().engineSettings("s3cret");
        assertThat(engine.proxy()).isEqualTo("http://proxy.example.com:3128");
        assertThat(engine.user()).isEqualTo(new Credentials("alice", "s3cret"));
        assertThat(engine.noProxy()).isEqualTo("example.org, 10.0.0.0/8");
        assertThat(checked.choice().rememberPassword()).isTrue();
        assertThat(engine.toString()).doesNotContain("s3cret");
    }

    @Test
    void otherModesIgnoreTheManualFieldsButKeepThem() {
        ProxyInput.Checked none = ProxyInput.check(ProxyMode.NONE, "socks5://x", "99999", "", false, "", false);
        ProxyInput.Checked environment = ProxyInput.check(ProxyMode.ENVIRONMENT, "proxy", "3128", "bob", true, "", false);

        assertThat(none.valid()).isTrue();
        assertThat(none.choice().engineSettings(null)).isEqualTo(ProxySettings.NONE);
        assertThat(environment.choice().engineSettings("pw")).isEqualTo(ProxySettings.ENVIRONMENT);
        assertThat(environment.choice().host()).isEqualTo("proxy");
    }

    @Test
    void everyMessageExistsInBothLanguages() throws IOException {
        List<ProxyInput.Checked> problems = List.of(manual("socks5://h", "1"), manual("https://h", "1"), manual("", "1"),
                manual("a b", "1"), manual("u:p@h", "1"), manual("h:1", "2"), manual("h", ""), manual("h", "x"),
                ProxyInput.check(ProxyMode.MANUAL, "h", "1", "a:b", false, "", false),
                ProxyInput.check(ProxyMode.MANUAL, "h", "1", "", true, "", false));
        for (String bundle : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties properties = new Properties();
            try (InputStream in = ProxyInputTest.class.getResourceAsStream("/app/ferry/ui/" + bundle)) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(problems).extracting(p -> p.problem().key()).doesNotHaveDuplicates()
                    .allSatisfy(key -> assertThat(properties).as(bundle).containsKey(key));
        }
    }

    private static ProxyInput.Checked withNoProxy(String list) {
        return ProxyInput.check(ProxyMode.MANUAL, "proxy.example.com", "3128", "", false, list, false);
    }

    @Test
    void aBadNoProxyEntryIsNamedWithWhatTheListMayHoldInBothLanguages() {
        ProxyInput.Checked checked = withNoProxy("localhost, http://x.com/path, 10.0.0.0/8");

        assertThat(checked.valid()).isFalse();
        assertThat(checked.problem()).isEqualTo(new ProxyInput.Problem("settings.proxy.error.noProxy.URL", "http://x.com/path"));
        assertThat(english(checked)).isEqualTo("“http://x.com/path” in “No proxy for” is a URL: write only its host,"
                + " e.g. example.com. Allowed, separated by commas: example.com, .example.com,"
                + " 10.0.0.1, 10.0.0.0/8, host:8080, * (all).");
        assertThat(I18n.forLanguage("zh-CN").get(checked.problem().key(), checked.problem().args().toArray()))
                .startsWith("“不使用代理的主机”中的“http://x.com/path”是一个网址").contains("以逗号分隔");
        assertThat(english(withNoProxy("host:80:extra"))).startsWith("“host:80:extra” in “No proxy for” has too many colons");
        assertThat(english(withNoProxy("my host.com"))).startsWith("“my host.com” in “No proxy for” has a blank inside");
    }

    @Test
    void aGoodNoProxyListIsSavedAsTyped() {
        ProxyInput.Checked checked = withNoProxy("localhost, .corp.example, 10.0.0.0/8,, [::1]:8443, *");

        assertThat(checked.valid()).isTrue();
        assertThat(checked.choice().noProxy()).isEqualTo("localhost, .corp.example, 10.0.0.0/8,, [::1]:8443, *");
    }

    @Test
    void anotherModeKeepsTheManualFieldsUnchecked() {
        assertThat(ProxyInput.check(ProxyMode.NONE, "", "", "", false, "http://x.com/path", false).valid()).isTrue();
    }
}
