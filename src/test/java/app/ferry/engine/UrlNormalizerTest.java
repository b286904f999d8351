package app.ferry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

    @Test
    void encodesNonAsciiPathAsUtf8() {
        NormalizedUrl url = UrlNormalizer.normalize("http://127.0.0.1/static/功夫熊猫.mp4");

        assertThat(url.uri()).isEqualTo(URI.create(
                "http://127.0.0.1/static/%E5%8A%9F%E5%A4%AB%E7%86%8A%E7%8C%AB.mp4"));
        assertThat(url.uri().getPath()).isEqualTo("/static/功夫熊猫.mp4");
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void keepsExistingPercentEscapesAndEncodesSpaces() {
        assertThat(UrlNormalizer.normalize("http://h.example/a%20b/c d").uri().getRawPath())
                .isEqualTo("/a%20b/c%20d");
    }

    @Test
    void encodesLonePercentButNotValidEscapes() {
        assertThat(UrlNormalizer.normalize("http://h.example/100%/x%4/%zz/%4a").uri().getRawPath())
                .isEqualTo("/100%25/x%254/%25zz/%4A");
    }

    @Test
    void encodesQueryAndDropsFragment() {
        URI uri = UrlNormalizer.normalize("http://h.example/p?q=a b&x=[1]&y=é#section 2").uri();

        assertThat(uri.getRawQuery()).isEqualTo("q=a%20b&x=%5B1%5D&y=%C3%A9");
        assertThat(uri.getRawFragment()).isNull();
        assertThat(uri.toString()).isEqualTo("http://h.example/p?q=a%20b&x=%5B1%5D&y=%C3%A9");
    }

    @Test
    void convertsIdnHostToAscii() {
        assertThat(UrlNormalizer.normalize("http://bücher.example/").uri().getHost())
                .isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void lowerCasesSchemeAndHostAndDropsDefaultPort() {
        assertThat(UrlNormalizer.normalize("  HTTPS://Example.COM:443  ").uri())
                .isEqualTo(URI.create("https://example.com/"));
        assertThat(UrlNormalizer.normalize("http://example.com:80/x").uri())
                .isEqualTo(URI.create("http://example.com/x"));
        assertThat(UrlNormalizer.normalize("http://example.com:8080/x").uri().getPort()).isEqualTo(8080);
    }

    @Test
    void keepsIpv6Literal() {
        URI uri = UrlNormalizer.normalize("http://[2001:DB8::1]:8080/file").uri();

        assertThat(uri.getHost()).isEqualTo("[2001:db8::1]");
        assertThat(uri.getPort()).isEqualTo(8080);
        assertThat(uri.getPath()).isEqualTo("/file");
    }

    @Test
    void movesDecodedUserInfoOutOfTheUri() {
        NormalizedUrl url = UrlNormalizer.normalize("https://user:pa%40ss@files.example/x");

        assertThat(url.uri()).isEqualTo(URI.create("https://files.example/x"));
        assertThat(url.uri().getRawUserInfo()).isNull();
        assertThat(url.username()).isEqualTo("user");
        assertThat(url.password()).isEqualTo("pa@ss");
        assertThat(url.toString()).doesNotContain("pa@ss");
    }

    @Test
    void userWithoutPassword() {
        NormalizedUrl url = UrlNormalizer.normalize("http://anna@h.example/");

        assertThat(url.username()).isEqualTo("anna");
        assertThat(url.password()).isNull();
    }

    @Test
    void unencodedAtInPasswordEndsAtLastAt() {
        NormalizedUrl url = UrlNormalizer.normalize("http://u:p@ss@h.example/");

        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.uri().getHost()).isEqualTo("h.example");
    }

    @Test
    void emptyPathBecomesSlash() {
        assertThat(UrlNormalizer.normalize("http://h.example").uri().getRawPath()).isEqualTo("/");
        assertThat(UrlNormalizer.normalize("http://h.example?x=1").uri().toString())
                .isEqualTo("http://h.example/?x=1");
    }

    @Test
    void rejectsOtherSchemesWithActionableMessage() {
        assertThatThrownBy(() -> UrlNormalizer.normalize("ftp://x"))
                .isExactlyInstanceOf(InvalidUrlException.class)
                .hasMessage("\"ftp://x\" is not an http or https URL: Ferry downloads over HTTP(S) only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "javascript:alert(1)", "mailto:a@b.example",
            "data:text/plain,hi"})
    void rejectsNonHttpSchemes(String input) {
        assertThatThrownBy(() -> UrlNormalizer.normalize(input))
                .isExactlyInstanceOf(InvalidUrlException.class)
                .hasMessageContaining("is not an http or https URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com/file.zip", "example.com:8080/x", "localhost:8080", "/just/a/path"})
    void rejectsMissingScheme(String input) {
        assertThatThrownBy(() -> UrlNormalizer.normalize(input))
                .isExactlyInstanceOf(InvalidUrlException.class)
                .hasMessageContaining("has no scheme: start it with http:// or https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://", "http:///x", "http:x", "https://user@/x", "http://:80/"})
    void rejectsMissingHost(String input) {
        assertThatThrownBy(() -> UrlNormalizer.normalize(input))
                .isExactlyInstanceOf(InvalidUrlException.class)
                .hasMessageContaining("has no host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://h.example:0/", "http://h.example:65536/", "http://h.example:8o/",
            "http://h.example:-1/", "http://h.example:123456789012/"})
    void rejectsBadPorts(String input) {
        assertThatThrownBy(() -> UrlNormalizer.normalize(input))
                .isExactlyInstanceOf(InvalidUrlException.class)
                .hasMessageContaining("invalid port");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void rejectsEmpty(String input) {
        assertThatThrownBy(() -> UrlNormalizer.normalize(input))
                .isExactlyInstanceOf(InvalidUrlException.class)
                .hasMessageContaining("http:// or https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://exa mple.com/", "http://a_b.example/", "http://[::1/", "http://[::1]x/",
            "http://[zz::1]/", "http://h%ZZ.example/", "http://h.example\\evil/", "http://u:%@h.example/"})
    void rejectsGarbageHostsAndUserInfo(String input) {
        assertThatThrownBy(() -> UrlNormalizer.normalize(input))
                .isExactlyInstanceOf(InvalidUrlException.class);
    }

    /** An error quotes the URL typed, with its password masked: a terminal or a log must not show it. */
    @ParameterizedTest
    @ValueSource(strings = {"http://u:S3CRET@h.example:99999/", "ftp://u:S3CRET@h.example/", "x//u:S3CRET@h.example/",
            "http://u:S3CRET%@h.example/", "http://u:p@S3CRET@h.example:0/"})
    void errorsNeverQuoteThePassword(String input) {
        assertThatThrownBy(() -> UrlNormalizer.normalize(input))
                .isExactlyInstanceOf(InvalidUrlException.class)
                .hasMessageContaining("u:••••@h.example")
                .satisfies(e -> assertThat(((InvalidUrlException) e).problem().args()).noneMatch(a -> a.contains("S3CRET")))
                .message().doesNotContain("S3CRET");
    }

    @ParameterizedTest
    @CsvSource({
        "http://u:pw@h.example/p?q, http://u:••••@h.example/p?q",
        "//u:pw@h.example/a@b, //u:••••@h.example/a@b",
        "mailto:someone@example.com, mailto:someone@example.com",
        "http://u@h.example/, http://u@h.example/",
        "http://h.example:8080/a:b@c, http://h.example:8080/a:b@c",
        "http://h.example/, http://h.example/",
    })
    void withoutPasswordMasksOnlyTheUserInfosPassword(String input, String expected) {
        assertThat(UrlNormalizer.withoutPassword(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "http://h.example/a%20b, http://h.example/a%20b",
        "http://h.example/%e2%82%ac, http://h.example/%E2%82%AC",
        "http://h.example/€, http://h.example/%E2%82%AC",
        "http://h.example/a\"b<c>, http://h.example/a%22b%3Cc%3E",
    })
    void examples(String input, String expected) {
        assertThat(UrlNormalizer.normalize(input).uri().toString()).isEqualTo(expected);
    }

    @Test
    void resultIsStable() {
        URI once = UrlNormalizer.normalize("HTTP://user:pw@Bücher.example:80/功夫 熊猫%2F?q=%zz#x").uri();

        assertThat(UrlNormalizer.normalize(once.toString()).uri()).isEqualTo(once);
        assertThat(once.toString()).isEqualTo(
                "http://xn--bcher-kva.example/%E5%8A%9F%E5%A4%AB%20%E7%86%8A%E7%8C%AB%2F?q=%25zz");
    }

    @Test
    void messageQuotesLongInputShortened() {
        String input = "gopher://" + "x".repeat(10_000);

        assertThatThrownBy(() -> UrlNormalizer.normalize(input))
                .isExactlyInstanceOf(InvalidUrlException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
