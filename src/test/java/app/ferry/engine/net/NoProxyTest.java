package app.ferry.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code no_proxy} read as curl reads it, plus ports. */
class NoProxyTest {

    @Test
    void aNameMatchesItselfAndItsSubdomainsOnly() {
        NoProxy list = NoProxy.parse("example.com");
        assertThat(list.matches("example.com", 80)).isTrue();
        assertThat(list.matches("www.Example.COM", 443)).isTrue();
        assertThat(list.matches("example.com.", 80)).as("trailing dot").isTrue();
        assertThat(list.matches("notexample.com", 80)).isFalse();
        assertThat(list.matches("example.org", 80)).isFalse();
    }

    @Test
    void leadingDotsAndStarDotMeanTheSameAsTheBareName() {
        for (String entry : new String[] {".example.com", "*.example.com", "example.com."}) {
            NoProxy list = NoProxy.parse(entry);
            assertThat(list.matches("example.com", 80)).as(entry).isTrue();
            assertThat(list.matches("a.b.example.com", 80)).as(entry).isTrue();
            assertThat(list.matches("badexample.com", 80)).as(entry).isFalse();
        }
    }

    @Test
    void commasAndBlanksSeparateEntries() {
        NoProxy list = NoProxy.parse(" a.test ,b.test  c.test,,d.test ");
        assertThat(list.matches("a.test", 1)).isTrue();
        assertThat(list.matches("b.test", 1)).isTrue();
        assertThat(list.matches("c.test", 1)).isTrue();
        assertThat(list.matches("d.test", 1)).isTrue();
        assertThat(list.matches("e.test", 1)).isFalse();
    }

    @Test
    void aStarMatchesEverything() {
        assertThat(NoProxy.parse("*").matches("anything.example", 80)).isTrue();
        assertThat(NoProxy.parse("a.test, *").matches("10.1.2.3", 80)).isTrue();
        assertThat(NoProxy.parse("").matches("a.test", 80)).isFalse();
        assertThat(NoProxy.parse(null).isEmpty()).isTrue();
    }

    @Test
    void addressesAndCidrBlocksMatchAddressesWithoutResolvingNames() {
        NoProxy list = NoProxy.parse("127.0.0.1, 10.0.0.0/8, 192.168.1.0/25, ::1, fd00::/8");
        assertThat(list.matches("127.0.0.1", 80)).isTrue();
        assertThat(list.matches("127.0.0.2", 80)).isFalse();
        assertThat(list.matches("10.200.3.4", 80)).isTrue();
        assertThat(list.matches("11.0.0.1", 80)).isFalse();
        assertThat(list.matches("192.168.1.127", 80)).isTrue();
        assertThat(list.matches("192.168.1.128", 80)).isFalse();
        assertThat(list.matches("[::1]", 80)).isTrue();
        assertThat(list.matches("[fd12:3456::1]", 80)).isTrue();
        assertThat(list.matches("[fe80::1]", 80)).isFalse();
        assertThat(list.matches("localhost", 80)).as("names are not resolved").isFalse();
        assertThat(NoProxy.parse("localhost").matches("127.0.0.1", 80)).isFalse();
    }

    @Test
    void anEntryWithAPortMatchesThatPortOnly() {
        NoProxy list = NoProxy.parse("a.test:8080, 10.0.0.1:443, [::1]:8443");
        assertThat(list.matches("a.test", 8080)).isTrue();
        assertThat(list.matches("www.a.test", 8080)).isTrue();
        assertThat(list.matches("a.test", 80)).isFalse();
        assertThat(list.matches("10.0.0.1", 443)).isTrue();
        assertThat(list.matches("10.0.0.1", 80)).isFalse();
        assertThat(list.matches("[::1]", 8443)).isTrue();
        assertThat(list.matches("[::1]", 80)).isFalse();
    }

    @Test
    void entriesThatCannotMatchAreDropped() {
        NoProxy list = NoProxy.parse("10.0.0.0/99, a.test:notaport, [::1, ., *.");
        assertThat(list.isEmpty()).isTrue();
        assertThat(list.matches("10.0.0.1", 80)).isFalse();
    }
}
