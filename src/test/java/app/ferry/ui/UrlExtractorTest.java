package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.NormalizedUrl;
import org.junit.jupiter.api.Test;

class UrlExtractorTest {

    private static java.util.List<String> urls(String text) {
        return UrlExtractor.extract(text).urls().stream().map(NormalizedUrl::uri).map(Object::toString).toList();
    }

    @Test
    void oneUrl() {
        assertThat(urls("https://example.com/a.iso")).containsExactly("https://example.com/a.iso");
    }

    @Test
    void manyUrlsSeparatedByWhitespaceAndNewlines() {
        assertThat(urls("http://a.example/1\nhttp://b.example/2\r\n\thttps://c.example/3   http://d.example/4"))
                .containsExactly("http://a.example/1", "http://b.example/2", "https://c.example/3", "http://d.example/4");
    }

    @Test
    void urlsInProseLoseTheirSentencePunctuation() {
        assertThat(urls("Get it from https://example.com/file.zip, or (mirror: http://mirror.example/file.zip). Thanks!"))
                .containsExactly("https://example.com/file.zip", "http://mirror.example/file.zip");
        assertThat(urls("See https://en.wikipedia.org/wiki/Ferry_(disambiguation).")).containsExactly(
                "https://en.wikipedia.org/wiki/Ferry_(disambiguation)");
        assertThat(urls("<https://example.com/x> \"http://example.com/y\"")).containsExactly(
                "https://example.com/x", "http://example.com/y");
    }

    @Test
    void chineseProseAndFullWidthPunctuation() {
        assertThat(urls("请下载：https://example.com/数据.csv，然后看http://example.com/b。谢谢"))
                .containsExactly("https://example.com/%E6%95%B0%E6%8D%AE.csv", "http://example.com/b");
    }

    @Test
    void duplicatesWithinOnePasteCountOnce() {
        assertThat(urls("http://example.com/a http://EXAMPLE.com:80/a")).containsExactly("http://example.com/a");
    }

    @Test
    void credentialsStayOutOfTheUri() {
        NormalizedUrl url = UrlExtractor.extract("https://user:p%40ss@example.com/x").urls().getFirst();
        assertThat(url.uri().toString()).isEqualTo("https://example.com/x");
        assertThat(url.username()).isEqualTo("user");
        assertThat(url.password()).isEqualTo("p@ss");
    }

    @Test
    void otherSchemesAndBadHostsAreRefusedWithAReason() {
        UrlExtractor.Extraction found = UrlExtractor.extract("ftp://example.com/f.iso and www.example.com/page and http://bad_host.example/");
        assertThat(found.urls()).isEmpty();
        assertThat(found.refused()).extracting(UrlExtractor.Refusal::text)
                .containsExactly("http://bad_host.example/", "ftp://example.com/f.iso", "www.example.com/page");
        assertThat(found.refused().get(1).reason()).contains("not an http or https URL");
        assertThat(found.refused().get(2).reason()).contains("has no scheme");
    }

    @Test
    void plainTextHasNothing() {
        assertThat(UrlExtractor.extract("just some words, no links").isEmpty()).isTrue();
        assertThat(UrlExtractor.extract("").isEmpty()).isTrue();
        assertThat(UrlExtractor.extract(null).isEmpty()).isTrue();
    }

    @Test
    void everyLineOfAListIsAccountedFor() {
        UrlExtractor.Extraction found = UrlExtractor.extract(String.join("\n", "http://example.com/a.zip",
                "please download these by Friday", "mailto:someone@example.com", "www.example.com/file.zip",
                "", "ftp://example.com/f.iso"));
        assertThat(found.urls()).hasSize(1);
        assertThat(found.refused()).extracting(UrlExtractor.Refusal::text, UrlExtractor.Refusal::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ftp://example.com/f.iso", UrlExtractor.RefusalKind.OTHER_SCHEME),
                        org.assertj.core.groups.Tuple.tuple("www.example.com/file.zip", UrlExtractor.RefusalKind.NO_SCHEME),
                        org.assertj.core.groups.Tuple.tuple("mailto:someone@example.com", UrlExtractor.RefusalKind.OTHER_SCHEME),
                        org.assertj.core.groups.Tuple.tuple("please download these by Friday", UrlExtractor.RefusalKind.NOT_A_LINK));
    }

    @Test
    void anInvalidAddressKeepsTheParsersCodedReasonForTheWindowsLanguage() {
        UrlExtractor.Refusal refusal = UrlExtractor.extract("http://h:99999/a").refused().getFirst();
        assertThat(refusal.kind()).isEqualTo(UrlExtractor.RefusalKind.INVALID);
        assertThat(refusal.problem().code()).isEqualTo(app.ferry.engine.Problem.Code.URL_BAD_PORT);
        assertThat(refusal.reason()).isEqualTo(refusal.problem().english());
        assertThat(new ProblemText(I18n.forLanguage("zh-CN")).of(refusal.problem())).contains("端口");
    }
}
