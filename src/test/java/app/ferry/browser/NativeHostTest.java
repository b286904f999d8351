package app.ferry.browser;

import static app.ferry.browser.HostConversation.concat;
import static app.ferry.browser.HostConversation.frame;
import static app.ferry.browser.HostConversation.frames;
import static app.ferry.browser.HostConversation.length;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NativeHostTest {

    private static final String DOWNLOAD = """
            {"v":1,"type":"download","downloads":[{"url":"https://files.example.com/a/report.pdf",
             "cookies":[{"name":"session","value":"s3cr3t-cookie","domain":".example.com","path":"/","secure":true,"expirationDate":1893456000.5}],
             "referer":"https://www.example.com/page","pageUrl":"https://www.example.com/page",
             "userAgent":"Mozilla/5.0 Test","suggestedName":"report.pdf","headers":{"Accept-Language":"en"}}]}""";

    private final HostConversation host = new HostConversation();

    @Test
    void pingAnswersWithFerrysVersionAndWhetherTheWindowRuns() {
        host.forwarder.running = false;

        List<JsonNode> replies = host.run(frames("{\"v\":1,\"type\":\"ping\"}"));

        assertThat(replies).hasSize(1);
        assertThat(replies.getFirst().get("type").asText()).isEqualTo("pong");
        assertThat(replies.getFirst().get("ferryVersion").asText()).isEqualTo("9.8.7");
        assertThat(replies.getFirst().get("windowRunning").asBoolean()).isFalse();
        assertThat(host.exitCode).isZero();
    }

    @Test
    void aValidDownloadReachesTheForwarderWithItsCookiesRefererAndAgent() {
        List<JsonNode> replies = host.run(frames(DOWNLOAD));

        assertThat(replies.getFirst().get("type").asText()).isEqualTo("accepted");
        assertThat(replies.getFirst().get("count").asInt()).isEqualTo(1);
        BrowserDownload download = host.forwarder.received.getFirst();
        assertThat(download.url()).isEqualTo(URI.create("https://files.example.com/a/report.pdf"));
        assertThat(download.cookieHeader()).isEqualTo("session=s3cr3t-cookie");
        assertThat(download.cookies().getFirst().expiresAt()).isEqualTo(1893456000L);
        assertThat(download.referer()).isEqualTo(URI.create("https://www.example.com/page"));
        assertThat(download.pageUrl()).isEqualTo(URI.create("https://www.example.com/page"));
        assertThat(download.userAgent()).isEqualTo("Mozilla/5.0 Test");
        assertThat(download.suggestedName()).isEqualTo("report.pdf");
        assertThat(download.headers()).containsEntry("Accept-Language", "en");
    }

    @Test
    void firefoxsArgumentsWithFerrysAddOnIdAreServed() {
        List<JsonNode> replies = host.run(List.of("/home/u/.mozilla/native-messaging-hosts/app.ferry.host.json",
                AllowedExtensions.FERRY_FIREFOX_ID), frames(DOWNLOAD));

        assertThat(replies.getFirst().get("type").asText()).isEqualTo("accepted");
        assertThat(host.forwarder.received).hasSize(1);
    }

    @Test
    void whatFerryRejectsIsReportedAsRejected() {
        host.forwarder.answer = ForwardReply.rejected("Disk full.");

        JsonNode reply = host.run(frames(DOWNLOAD)).getFirst();

        assertThat(reply.get("type").asText()).isEqualTo("rejected");
        assertThat(reply.get("message").asText()).isEqualTo("Disk full.");
    }

    @Test
    void anUnreachableFerryIsARejectionNotACrash() {
        host.forwarder.failure = new IOException("connection refused");

        JsonNode reply = host.run(frames(DOWNLOAD, "{\"v\":1,\"type\":\"ping\"}")).getFirst();

        assertThat(reply.get("type").asText()).isEqualTo("rejected");
        assertThat(reply.get("message").asText()).contains("connection refused");
        assertThat(host.exitCode).isZero();
    }

    @Test
    void anOversizedLengthIsRefusedWithoutReadingOrAllocatingIt() {
        byte[] input = concat(length(0xFFFF_FFFFL), new byte[16]);

        List<JsonNode> replies = host.run(input);

        assertError(replies, "too-large");
        assertThat(host.exitCode).isEqualTo(1);
    }

    @Test
    void aMessageOneByteOverTheLimitIsRefused() {
        byte[] body = ("{\"v\":1,\"type\":\"ping\",\"pad\":\"" + "x".repeat(NativeHost.MAX_MESSAGE_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertError(host.run(concat(frame(body), frames(DOWNLOAD))), "too-large");
        // The stream is not trusted after a bad frame: the valid download behind it is not taken either.
        assertThat(host.forwarder.received).isEmpty();
    }

    @Test
    void aStreamEndingInsideTheLengthIsTruncated() {
        assertError(host.run(new byte[] {5, 0}), "truncated");
    }

    @Test
    void aStreamEndingInsideTheBodyIsTruncatedAndNothingIsForwarded() {
        byte[] whole = frames(DOWNLOAD);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);

        assertError(host.run(cut), "truncated");
        assertThat(host.exitCode).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/", "chrome-extension:///", "--parent-window=0", ""})
    void anotherChromiumExtensionOrNoCallerIsRefused(String origin) {
        List<JsonNode> replies = host.run(origin.isEmpty() ? List.of() : List.of(origin),
                frames(DOWNLOAD, "{\"v\":1,\"type\":\"ping\"}"));

        assertThat(replies).hasSize(2).allSatisfy(r -> assertThat(r.get("code").asText()).isEqualTo("forbidden-origin"));
        assertThat(host.forwarder.received).isEmpty();
    }

    @Test
    void anotherFirefoxAddOnIsRefused() {
        List<JsonNode> replies = host.run(List.of("/x/app.ferry.host.json", "evil@example.com"), frames(DOWNLOAD));

        assertError(replies, "forbidden-origin");
        assertThat(replies.getFirst().get("message").asText()).contains("evil@example.com");
    }

    @Test
    void ferrysChromiumIdPassedAsAFirefoxAddOnIsRefused() {
        assertError(host.run(List.of("/x/app.ferry.host.json", AllowedExtensions.FERRY_CHROMIUM_ID), frames(DOWNLOAD)),
                "forbidden-origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"v\":1,\"type\":\"ping\"", "[1,2]", "\"ping\"", "", "{\"v\":1,\"type\":\"ping\"} {}",
            "{\"v\":1,\"type\":\"ping\",\"type\":\"download\"}"})
    void badJsonGetsAnErrorAndTheNextMessageIsStillServed(String message) {
        List<JsonNode> replies = host.run(frames(message, DOWNLOAD));

        assertThat(replies).hasSize(2);
        assertThat(replies.getFirst().get("type").asText()).isEqualTo("error");
        assertThat(replies.getFirst().get("code").asText()).isEqualTo("bad-json");
        assertThat(replies.get(1).get("type").asText()).isEqualTo("accepted");
        assertThat(host.forwarder.received).hasSize(1);
    }

    @Test
    void invalidUtf8IsBadJson() {
        byte[] body = "{\"v\":1,\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
        body[8] = (byte) 0xC3;

        assertError(host.run(frame(body)), "bad-json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"ping\"}", "{\"v\":2,\"type\":\"ping\"}", "{\"v\":\"1\",\"type\":\"ping\"}", "{\"v\":1.5,\"type\":\"ping\"}"})
    void aMissingOrUnknownVersionIsRefused(String message) {
        assertError(host.run(frames(message)), "bad-version");
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertError(host.run(frames("{\"v\":1,\"type\":\"delete-everything\"}")), "unknown-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/a", "/relative/path", "https://",
            "https://user:pass@example.com/a", "http://exa mple.com/", "data:text/plain,hi"})
    void aUrlThatIsNotPlainHttpIsRefusedAndNotForwarded(String url) {
        List<JsonNode> replies = host.run(frames("{\"v\":1,\"type\":\"download\",\"downloads\":[{\"url\":\"" + url + "\"}]}"));

        assertError(replies, "bad-url");
        assertThat(host.forwarder.received).isEmpty();
    }

    @Test
    void oneBadDownloadRefusesTheWholeMessage() {
        String message = "{\"v\":1,\"type\":\"download\",\"downloads\":[{\"url\":\"https://a.example/1\"},{\"url\":\"file:///x\"}]}";

        assertError(host.run(frames(message)), "bad-url");
        assertThat(host.forwarder.received).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"url\":\"https://a.example/f\",\"cookies\":[{\"name\":\"sid\",\"value\":\"v\",\"domain\":\"bank.example\",\"path\":\"/\"}]}",
        "{\"url\":\"https://a.example/f\",\"cookies\":[{\"name\":\"sid\",\"value\":\"v;x=y\",\"domain\":\"a.example\"}]}",
        "{\"url\":\"https://a.example/f\",\"cookies\":[{\"name\":\"s id\",\"value\":\"v\",\"domain\":\"a.example\"}]}",
        "{\"url\":\"https://a.example/f\",\"headers\":{\"Cookie\":\"sid=1\"}}",
        "{\"url\":\"https://a.example/f\",\"headers\":{\"X-Test\":\"a\\r\\nHost: evil\"}}",
        "{\"url\":\"https://a.example/f\",\"headers\":{\"Bad Name\":\"a\"}}",
        "{\"url\":\"https://a.example/f\",\"userAgent\":\"UA\\nX: y\"}",
        "{\"url\":\"https://a.example/f\",\"suggestedName\":\"../../.bashrc\"}",
        "{\"url\":\"https://a.example/f\",\"referer\":\"https://a.example/\",\"extra\":1}",
        "{\"url\":42}",
        "{}"})
    void aMalformedDownloadIsRefusedAndNotForwarded(String download) {
        assertError(host.run(frames("{\"v\":1,\"type\":\"download\",\"downloads\":[" + download + "]}")), "bad-message");
        assertThat(host.forwarder.received).isEmpty();
    }

    @Test
    void aDownloadMessageWithoutDownloadsIsRefused() {
        assertError(host.run(frames("{\"v\":1,\"type\":\"download\",\"downloads\":[]}")), "bad-message");
        assertError(host.run(frames("{\"v\":1,\"type\":\"download\"}")), "bad-message");
    }

    @Test
    void cookieValuesNeverReachTheLogOrAnErrorReply() {
        String badCookie = DOWNLOAD.replace("\"domain\":\".example.com\"", "\"domain\":\".other.test\"");

        List<JsonNode> replies = host.run(frames(DOWNLOAD, badCookie));

        assertThat(replies.get(1).get("code").asText()).isEqualTo("bad-message");
        assertThat(replies.toString()).doesNotContain("s3cr3t-cookie");
        assertThat(host.log()).contains("bad-message").doesNotContain("s3cr3t-cookie");
        assertThat(host.forwarder.received.getFirst().toString()).doesNotContain("s3cr3t-cookie");
    }

    private static void assertError(List<JsonNode> replies, String code) {
        assertThat(replies).isNotEmpty();
        assertThat(replies.getFirst().get("v").asInt()).isEqualTo(1);
        assertThat(replies.getFirst().get("type").asText()).isEqualTo("error");
        assertThat(replies.getFirst().get("code").asText()).isEqualTo(code);
        assertThat(replies.getFirst().get("message").asText()).isNotBlank();
    }
}
