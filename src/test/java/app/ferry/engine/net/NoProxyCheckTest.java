package app.ferry.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.NoProxyEntryProblem;
import app.ferry.engine.NoProxyEntryProblem.Reason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a typed no-proxy list may hold: every accepted entry is one {@link NoProxy} can match. */
class NoProxyCheckTest {

    private static Optional<NoProxyEntryProblem> check(String list) {
        return NoProxyEntryProblem.find(list);
    }

    @Test
    void whatCurlAndNoProxyTakeIsAccepted() {
        List<String> good = List.of("localhost", "example.com", ".example.com", "*.example.com", "example.com.",
                "my-host_1.internal", "bücher.example", "127.0.0.1", "10.0.0.0/8", "192.168.1.0/25", "::1",
                "fd00::/8", "[::1]", "[::1]:8443", "[fd00::]/8", "a.test:8080", "10.0.0.1:443");
        for (String entry : good) {
            assertThat(check(entry)).as(entry).isEmpty();
            assertThat(NoProxy.parse(entry).isEmpty()).as("%s matches something", entry).isFalse();
        }
        assertThat(check("localhost, 127.0.0.1, ::1")).isEmpty();
        assertThat(check("*")).isEmpty();
        assertThat(check("a.test, *")).isEmpty();
    }

    @Test
    void blankListsAndEmptyEntriesBetweenCommasAreDroppedAsCurlDoes() {
        assertThat(check(null)).isEmpty();
        assertThat(check("")).isEmpty();
        assertThat(check("   ")).isEmpty();
        assertThat(check("a.test,,b.test, ,")).isEmpty();
        assertThat(check(" a.test ,  b.test ")).isEmpty();
    }

    @Test
    void eachKindOfMistakeIsNamedWithTheEntryAsTyped() {
        assertThat(check("localhost, http://x.com/path")).contains(new NoProxyEntryProblem("http://x.com/path", Reason.URL));
        assertThat(check("x.com/path")).contains(new NoProxyEntryProblem("x.com/path", Reason.PATH));
        assertThat(check("host:80:extra")).contains(new NoProxyEntryProblem("host:80:extra", Reason.COLONS));
        assertThat(check("host:99999")).contains(new NoProxyEntryProblem("host:99999", Reason.PORT));
        assertThat(check("host:")).contains(new NoProxyEntryProblem("host:", Reason.PORT));
        assertThat(check("host:http")).contains(new NoProxyEntryProblem("host:http", Reason.PORT));
        assertThat(check("[::1]:0")).contains(new NoProxyEntryProblem("[::1]:0", Reason.PORT));
        assertThat(check("10.0.0.0/33")).contains(new NoProxyEntryProblem("10.0.0.0/33", Reason.PREFIX));
        assertThat(check("fd00::/129")).contains(new NoProxyEntryProblem("fd00::/129", Reason.PREFIX));
        assertThat(check("10.0.0.0/x")).contains(new NoProxyEntryProblem("10.0.0.0/x", Reason.PREFIX));
        assertThat(check("999.1.1.1")).contains(new NoProxyEntryProblem("999.1.1.1", Reason.ADDRESS));
        assertThat(check("10.")).contains(new NoProxyEntryProblem("10.", Reason.ADDRESS));
        assertThat(check("[example.com]")).contains(new NoProxyEntryProblem("[example.com]", Reason.ADDRESS));
        assertThat(check("[::1")).contains(new NoProxyEntryProblem("[::1", Reason.BRACKET));
        assertThat(check("::1]")).contains(new NoProxyEntryProblem("::1]", Reason.BRACKET));
        assertThat(check("ex*ample.com")).contains(new NoProxyEntryProblem("ex*ample.com", Reason.WILDCARD));
        assertThat(check("*.")).contains(new NoProxyEntryProblem("*.", Reason.NAME));
        assertThat(check("my host.com")).contains(new NoProxyEntryProblem("my host.com", Reason.SPACE));
        assertThat(check("a@b.com")).contains(new NoProxyEntryProblem("a@b.com", Reason.NAME));
        assertThat(check("a..b")).contains(new NoProxyEntryProblem("a..b", Reason.NAME));
        assertThat(check(".")).contains(new NoProxyEntryProblem(".", Reason.NAME));
    }

    @Test
    void theFirstBadEntryIsTheOneNamed() {
        assertThat(check("ok.test, bad@x, 999.1.1.1")).contains(new NoProxyEntryProblem("bad@x", Reason.NAME));
    }

    @Test
    void theCommandLinesSentenceSaysWhatIsWrongAndWhatIsAllowed() {
        assertThat(check("http://x.com/path").orElseThrow().english())
                .isEqualTo("“http://x.com/path” is a URL: write only its host, e.g. example.com. A no-proxy list holds"
                        + " host names (example.com also covers its subdomains), IP addresses, CIDR blocks, HOST:PORT"
                        + " or *, separated by commas.");
    }
}
