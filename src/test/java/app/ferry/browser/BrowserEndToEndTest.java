package app.ferry.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Debian's real Chromium with Ferry's unpacked extension, its host manifest in the test's own
 * profile, and the real host (on this test's class path) behind it: a page sets a session cookie,
 * the extension sends a link from it, and the host must receive the URL with that cookie, the
 * page as Referer and the browser's User-Agent.
 *
 * <p>Selenium cannot click a context menu, so the test sends the extension the same "send-link"
 * request the menu click makes, from one of the extension's own pages (the popup, opened as a tab).
 */
class BrowserEndToEndTest {


    @TempDir
    Path temp;

    private HttpServer server;
    private ChromeDriver driver;
    private Path record;
    private volatile boolean bigZipAborted;

    @BeforeEach
    void start() throws IOException {
        Assumptions.assumeTrue(ChromiumWithExtension.installed(),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/page", exchange -> {
            byte[] body = "<html><body><a id=\"file\" href=\"/files/report.bin\">report</a></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Set-Cookie", "session=e2e-s3cr3t; Path=/; HttpOnly");
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/files/big.zip", exchange -> {
            // Slow on purpose: the browser's download must still be running when the extension pauses it.
            exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"big.zip\"");
            exchange.getResponseHeaders().add("Content-Type", "application/zip");
            exchange.sendResponseHeaders(200, 65536 + 200 * 1024);
            try (var body = exchange.getResponseBody()) {
                body.write(new byte[65536]);
                body.flush();
                // Small writes over 20 s: once the browser closes the connection, one of them fails.
                for (int i = 0; i < 200; i++) {
                    Thread.sleep(100);
                    body.write(new byte[1024]);
                    body.flush();
                }
            } catch (IOException | InterruptedException e) {
                bigZipAborted = true; // The browser cancelled its download: what capture must do once Ferry accepted.
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();

        Path profile = Files.createDirectories(temp.resolve("profile"));
        record = temp.resolve("received.jsonl");
        Path host = ChromiumWithExtension.hostScript(temp.resolve("ferry-host-e2e"), List.of(),
                RecordingHostMain.class.getName(), List.of(record.toString()), null);
        driver = ChromiumWithExtension.start(profile, host, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aLinkSentFromTheExtensionReachesTheHostWithTheCookieRefererAndUserAgent() throws IOException {
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        driver.get(origin + "/page");
        String userAgent = (String) driver.executeScript("return navigator.userAgent");

        driver.get("chrome-extension://" + AllowedExtensions.FERRY_CHROMIUM_ID + "/popup.html");
        Map<?, ?> pong = (Map<?, ?>) ask("{type: 'ping'}");
        Map<?, ?> sent = (Map<?, ?>) ask("{type: 'send-link', url: '" + origin + "/files/report.bin', pageUrl: '" + origin + "/page'}");

        assertThat(pong.get("ok")).isEqualTo(true);
        assertThat(pong.get("version")).isEqualTo("e2e-test");
        assertThat(sent.get("ok")).as("reply %s", sent).isEqualTo(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(record));
        List<String> lines = Files.readAllLines(record);
        assertThat(lines).hasSize(1);
        JsonNode received = new ObjectMapper().readTree(lines.getFirst());
        assertThat(received.get("url").asText()).isEqualTo(origin + "/files/report.bin");
        assertThat(received.get("cookie").asText()).isEqualTo("session=e2e-s3cr3t");
        assertThat(received.get("referer").asText()).isEqualTo(origin + "/page");
        assertThat(received.get("pageUrl").asText()).isEqualTo(origin + "/page");
        assertThat(received.get("userAgent").asText()).isEqualTo(userAgent);
        assertThat(received.get("suggestedName").asText()).isEqualTo("report.bin");
        assertThat(received.get("caller").asText()).isEqualTo("chrome-extension://" + AllowedExtensions.FERRY_CHROMIUM_ID + "/");
    }

    @Test
    void aCapturedBrowserDownloadGoesToTheHostAndTheBrowsersCopyIsCancelled() throws IOException {
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        driver.get("chrome-extension://" + AllowedExtensions.FERRY_CHROMIUM_ID + "/options.html");
        ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " chrome.storage.sync.set({captureEnabled: true, minSizeMB: 0, fileTypes: ['zip']}, done);");
        driver.get(origin + "/page");
        ((JavascriptExecutor) driver).executeScript("const a = document.getElementById('file');"
                + " a.href = '/files/big.zip'; a.click();");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(record));
        JsonNode received = new ObjectMapper().readTree(Files.readAllLines(record).getFirst());
        assertThat(received.get("url").asText()).isEqualTo(origin + "/files/big.zip");
        assertThat(received.get("cookie").asText()).isEqualTo("session=e2e-s3cr3t");
        assertThat(received.get("referer").asText()).isEqualTo(origin + "/page");
        driver.get("chrome-extension://" + AllowedExtensions.FERRY_CHROMIUM_ID + "/options.html");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat((List<?>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; chrome.downloads.search({}, items => done(items.map(i => i.url)));"))
                .as("the browser's own download, erased once Ferry accepted").isEmpty());
        await().atMost(Duration.ofSeconds(15)).until(() -> bigZipAborted);
    }

    /** Sends a message to the extension's background from the open extension page and returns its answer. */
    private Object ask(String message) {
        return ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; chrome.runtime.sendMessage(" + message + ", done);");
    }
}
