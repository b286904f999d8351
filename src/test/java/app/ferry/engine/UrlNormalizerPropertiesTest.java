package app.ferry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

class UrlNormalizerPropertiesTest {

    @Property(tries = 3000)
    void anyStringEitherNormalizesStablyOrFailsWithInvalidUrl(@ForAll String input) {
        checkStableOrInvalid(input);
    }

    /** Random strings almost never get past the scheme; these do, and reach every later step. */
    @Property(tries = 5000)
    void urlShapedStringsEitherNormalizeStablyOrFailWithInvalidUrl(@ForAll("urlShaped") String input) {
        Statistics.label("normalized").collect(checkStableOrInvalid(input));
        // Guards the generator: if almost nothing normalizes, the later steps go untested.
        Statistics.label("normalized").coverage(coverage -> coverage.check(true).percentage(p -> p > 20.0));
    }

    private static boolean checkStableOrInvalid(String input) {
        NormalizedUrl url;
        try {
            url = UrlNormalizer.normalize(input);
        } catch (InvalidUrlException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        }
        URI uri = url.uri();
        assertThat(uri.getScheme()).isIn("http", "https");
        assertThat(uri.getHost()).isNotEmpty();
        assertThat(uri.getRawUserInfo()).isNull();
        assertThat(uri.getRawFragment()).isNull();
        assertThat(uri.toString()).matches("[\\x21-\\x7E]+"); // Printable ASCII only.
        NormalizedUrl again = UrlNormalizer.normalize(uri.toString());
        assertThat(again.uri()).isEqualTo(uri);
        assertThat(again.uri().toString()).isEqualTo(uri.toString());
        return true;
    }

    @Provide
    Arbitrary<String> urlShaped() {
        Arbitrary<String> scheme = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("http://", "https://", "HTTP://", "hTtPs://")),
                Tuple.of(1, Arbitraries.of("ftp://", "http:/", "", " http://")));
        Arbitrary<String> userInfo = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.strings().withChars("ab:%@4 é0").ofMaxLength(6).map(s -> s + "@")));
        Arbitrary<String> host = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("example.com", "127.0.0.1", "[::1]", "[2001:db8::1]", "bücher.example",
                        "EXAMPLE.org", "", "a_b", "xn--bcher-kva.example", "[::1", "例え.テスト")),
                Tuple.of(1, Arbitraries.strings().withChars("abc.-_é%[]:1").ofMaxLength(8)));
        Arbitrary<String> port = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("", ":", ":80", ":443", ":8080", ":65535")),
                Tuple.of(1, Arbitraries.of(":0", ":65536", ":x", ":-1")));
        Arbitrary<String> rest = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings()
                        .withChars("/?#%aZ09 -._~!$&'()*+,;=:@[]\"<>\\^`{|}é功")
                        .ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings()
                        .withChars("/%a\u0000\t")
                        .withCharRange('\uD800', '\uD801')
                        .ofMaxLength(8)));
        // Mostly a real path start; sometimes whatever comes, which then lands in the host or port.
        Arbitrary<String> pathStart = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("/", "?", "#")),
                Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(scheme, userInfo, host, port, pathStart, rest)
                .as((s, u, h, p, start, r) -> s + u + h + p + start + r);
    }
}
