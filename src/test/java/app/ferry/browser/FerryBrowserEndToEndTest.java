package app.ferry.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.handoff.HandOffClient;
import app.ferry.handoff.InstancePaths;
import app.ferry.handoff.Request;
import app.ferry.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The whole path with nothing stood in: Debian's Chromium with Ferry's unpacked extension, the
 * host manifest in the test's own profile naming a script that runs the real {@link HostMain},
 * and no Ferry running, so the host starts the real Ferry window (JavaFX on headless Monocle, a
 * process of its own, as {@code AddStartsWindowTest} does) and hands the link to it. A local
 * Jetty server sets a session cookie on a page and serves the file only with that cookie and the
 * page as Referer; the window's download must be byte-identical.
 */
class FerryBrowserEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String SESSION = "session=ferry-e2e-7f3a";
    /** Served only with the session cookie and /page as Referer, as a logged-in file host does. */
    private static final String GATED = "/files/report.bin";
    private static final String LINK = GATED;

    @TempDir
    Path temp;

    private TestServer server;
    private ChromeDriver driver;
    private InstancePaths paths;
    private Path downloads;
    private final byte[] content = new byte[700_000];
    private final List<String> fileRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(ChromiumWithExtension.installed(),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        new Random(1515).nextBytes(content);
        startServer();

        Path data = temp.resolve("data");
        downloads = Files.createDirectories(temp.resolve("downloads"));
        paths = InstancePaths.in(data);
        Path profile = Files.createDirectories(temp.resolve("profile"));
        // The host's JVM options reach the window it starts (WindowLauncher reuses them): a
        // headless window with this test's data and download folders.
        Path host = ChromiumWithExtension.hostScript(temp.resolve("ferry-host-e2e"),
                List.of("-Dferry.dataDir=" + data, "-Dferry.downloadDir=" + downloads,
                        "--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                        "-Dprism.order=sw", "-Djava.awt.headless=true"),
                HostMain.class.getName(), List.of(), temp.resolve("host.log"));
        driver = ChromiumWithExtension.start(profile, host, TIMEOUT);
    }

    /** /page sets the session cookie; /files/report.bin answers 403 without it or without /page as Referer. */
    private void startServer() {
        server = TestServer.start();
        server.servlet("/page", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setHeader("Set-Cookie", SESSION + "; Path=/; HttpOnly");
                response.setContentType("text/html; charset=utf-8");
                response.getOutputStream().write(("<html><body><a href=\"" + GATED + "\">report</a></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        server.servlet(GATED, new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                String path = request.getRequestURI();
                String cookie = request.getHeader("Cookie");
                String referer = request.getHeader("Referer");
                fileRequests.add(request.getMethod() + " " + path + " cookie=" + (cookie != null && cookie.contains(SESSION))
                        + " referer=" + referer);
                if ((cookie == null || !cookie.contains(SESSION) || !origin().concat("/page").equals(referer))) {
                    response.sendError(403);
                } else {
                    response.setContentType("application/octet-stream");
                    response.setContentLength(content.length);
                    if (!request.getMethod().equals("HEAD")) {
                        response.getOutputStream().write(content);
                    }
                }
            }
        });
    }

    private String origin() {
        return server.url("");
    }

    @AfterEach
    void stop() throws Exception {
        windowPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void downloadWithFerryStartsTheWindowWhichDownloadsTheFileWithTheBrowsersCookieAndReferer() throws IOException {
        driver.get(origin() + "/page");
        driver.get("chrome-extension://" + AllowedExtensions.FERRY_CHROMIUM_ID + "/popup.html");

        // What the context menu's "Download with Ferry" sends (Selenium cannot click a context menu).
        Map<?, ?> sent = (Map<?, ?>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; chrome.runtime.sendMessage({type: 'send-link', url: '"
                        + origin() + LINK + "', pageUrl: '" + origin() + "/page'}, done);");

        assertThat(sent.get("ok")).as("reply %s; host log:\n%s", sent, log("host.log")).isEqualTo(true);
        assertThat(windowPid()).as("the host started a Ferry window").isPresent();
        assertThat(windowPid().orElseThrow()).isNotEqualTo(ProcessHandle.current().pid());
        Path file = downloads.resolve(LINK.substring(LINK.lastIndexOf('/') + 1));
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(
                () -> Files.exists(file) && Files.size(file) == content.length);
        assertThat(file).as("requests %s; window log:\n%s", fileRequests, windowLog()).hasBinaryContent(content);
        assertThat(fileRequests).isNotEmpty().allMatch(r -> r.contains(" " + LINK + " "));
        if (LINK.equals(GATED)) {
            assertThat(fileRequests).allMatch(r -> r.contains("cookie=true") && r.endsWith("referer=" + origin() + "/page"));
        }
    }

    private Optional<Long> windowPid() {
        if (paths == null) {
            return Optional.empty();
        }
        try (HandOffClient client = HandOffClient.connect(paths).orElse(null)) {
            return client == null ? Optional.empty() : Optional.ofNullable(client.send(Request.ping(), Duration.ofSeconds(10)).pid());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String windowLog() {
        return log(paths.directory().resolve("window.log").toString()); // An absolute path: Path.resolve keeps it.
    }

    private String log(String name) {
        Path path = temp.resolve(name);
        try {
            return Files.exists(path) ? Files.readString(path) : "(no " + path + ")";
        } catch (IOException e) {
            return "(" + path + " unreadable: " + e.getMessage() + ")";
        }
    }
}
