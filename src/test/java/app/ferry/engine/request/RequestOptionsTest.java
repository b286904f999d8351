package app.ferry.engine.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.TransferSpec;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing, matching, splitting and saving request options. */
class RequestOptionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void cookiesMatchByDomainPathSecureAndExpiry() {
        Cookie sub = new Cookie(".example.com", true, "/docs", true, 2_000, "a", "1");
        assertThat(sub.matches(URI.create("https://www.example.com/docs/x"), 1_000)).isTrue();
        assertThat(sub.matches(URI.create("https://example.com/docs"), 1_000)).isTrue();
        assertThat(sub.matches(URI.create("https://example.com/docsx"), 1_000)).as("path boundary").isFalse();
        assertThat(sub.matches(URI.create("http://example.com/docs"), 1_000)).as("secure").isFalse();
        assertThat(sub.matches(URI.create("https://example.com/docs"), 2_000)).as("expired").isFalse();
        assertThat(sub.matches(URI.create("https://badexample.com/docs"), 1_000)).as("suffix only").isFalse();
        Cookie hostOnly = new Cookie("example.com", false, "/", false, 0, "b", "2");
        assertThat(hostOnly.matches(URI.create("http://example.com/"), Long.MAX_VALUE)).as("session").isTrue();
        assertThat(hostOnly.matches(URI.create("http://www.example.com/"), 0)).as("host only").isFalse();
    }

    @Test
    void anIpAddressIsMatchedOnlyByItselfNeverAsADomainSuffix() {
        Cookie suffix = new Cookie(".0.0.1", true, "/", false, 0, "a", "b");
        Cookie same = new Cookie("127.0.0.1", true, "/", false, 0, "a", "b");

        assertThat(suffix.matches(URI.create("http://127.0.0.1/f"), 1)).isFalse();
        assertThat(new Cookie("0.1", true, "/", false, 0, "a", "b").matches(URI.create("http://10.0.0.1/"), 1)).isFalse();
        assertThat(same.matches(URI.create("http://127.0.0.1:8080/f"), 1)).isTrue();
        assertThat(new Cookie(".1]", true, "/", false, 0, "a", "b").matches(URI.create("http://[::1]/f"), 1)).isFalse();
        assertThat(new Cookie("[::1]", false, "/", false, 0, "a", "b").matches(URI.create("http://[::1]/f"), 1)).isTrue();
    }

    @Test
    void aByteOrderMarkAtTheStartOfACookieFileIsIgnored() {
        List<Cookie> cookies = NetscapeCookieFile.parse("\uFEFFa.org\tFALSE\t/\tFALSE\t0\tx\t1\n", "f");

        assertThat(cookies).extracting(Cookie::domain, Cookie::name).containsExactly(org.assertj.core.groups.Tuple.tuple("a.org", "x"));
    }

    @Test
    void aNetscapeFileWithCrlfHttpOnlyAndCommentsIsRead() {
        List<Cookie> cookies = NetscapeCookieFile.parse("# comment\r\n#HttpOnly_.a.org\tTRUE\t/\tFALSE\t0\tx\t1\r\n"
                + "b.org\tFALSE\t/p\tTRUE\t99\ty\r\n", "f");
        assertThat(cookies).containsExactly(new Cookie(".a.org", true, "/", false, 0, "x", "1"),
                new Cookie("b.org", false, "/p", true, 99, "y", ""));
        assertThatThrownBy(() -> NetscapeCookieFile.parse("a.org\tMAYBE\t/\tFALSE\t0\tx\t1", "f"))
                .hasMessageContaining("f line 1: \"MAYBE\" is not TRUE or FALSE");
    }

    @Test
    void userAgentRefererAndCookieHeadersGetTheirOwnPlace() {
        RequestOptions options = RequestOptions.ofHeaders(List.of(Header.parse("User-Agent: UA"),
                Header.parse("Referer: http://r/"), Header.parse("Cookie: a=1; b=2"), Header.parse("X: y")));
        assertThat(options.userAgent()).isEqualTo("UA");
        assertThat(options.referer()).isEqualTo("http://r/");
        assertThat(options.headers()).containsExactly(new Header("X", "y"));
        assertThat(options.cookieHeader(URI.create("https://any/"), 0)).isEqualTo("a=1; b=2");
    }

    @Test
    void theSecretPartAndTheRestMakeTheWholeAgain() {
        RequestOptions options = RequestOptions.fromText("X-Token: t\nAccept: */*\nAuthorization: Basic q", "s=1");
        assertThat(options.withoutSecrets().hasSecrets()).isFalse();
        assertThat(options.withoutSecrets().headers()).containsExactly(new Header("Accept", "*/*"));
        assertThat(options.withoutSecrets().plus(options.secrets())).isEqualTo(options);
    }

    @Test
    void aSpecWithoutOptionsIsSavedAsBeforeAndOldStateLoads() throws Exception {
        DownloadSpec plain = DownloadSpec.of("https://example.com/f", Path.of("/tmp"));
        String json = JSON.writeValueAsString(plain);
        assertThat(json).doesNotContain("request");
        assertThat(JSON.readValue(json, TransferSpec.class)).isEqualTo(plain);
        assertThat(JSON.readValue(json, TransferSpec.class).request()).isEqualTo(RequestOptions.NONE);

        DownloadSpec rich = plain.withRequest(new RequestOptions(List.of(new Header("X", "y")), "UA", null,
                List.of(new Cookie("a.org", false, "/", true, 5, "n", "v"))));
        assertThat(JSON.readValue(JSON.writeValueAsString(rich), TransferSpec.class)).isEqualTo(rich);
    }
}
