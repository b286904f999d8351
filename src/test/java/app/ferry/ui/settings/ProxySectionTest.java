package app.ferry.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the closed proxy choice names: HOST:PORT, without the scheme that is always http. */
class ProxySectionTest {

    private static ProxyChoice manual(String host) {
        return new ProxyChoice(ProxyMode.MANUAL, host, 3128, "", null, false);
    }

    @Test
    void theClosedChoiceNamesHostAndPortWithoutTheScheme() {
        assertThat(ProxySection.shown(manual("proxy.corporate-network.emea.example.com")))
                .isEqualTo("proxy.corporate-network.emea.example.com:3128");
        assertThat(ProxySection.shown(manual("fd00::1"))).isEqualTo("[fd00::1]:3128");
        assertThat(manual("fd00::1").address()).isEqualTo("http://[fd00::1]:3128");
    }

    @Test
    void aNameLongerThanAnyRealOneIsShortenedInItsMiddleKeepingThePort() {
        String host = "a".repeat(80) + ".example.com";
        String shown = ProxySection.shown(manual(host));

        assertThat(shown).hasSize(64).startsWith("a".repeat(31) + "…").endsWith(".example.com:3128");
    }
}
