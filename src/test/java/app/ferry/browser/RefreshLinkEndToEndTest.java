package app.ferry.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.HistoryEvent;
import app.ferry.engine.TaskState;
import app.ferry.handoff.HandOffServer;
import app.ferry.handoff.InstancePaths;
import app.ferry.handoff.SingleInstance;
import app.ferry.ui.AppContext;
import app.ferry.ui.AppStartup;
import app.ferry.ui.MainWindow;
import app.ferry.ui.TaskModel;
import app.ferry.ui.WindowHandOffReceiver;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import app.ferry.ui.settings.Theme;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Refresh link" for real: Debian's Chromium with Ferry's unpacked extension and the real host (as
 * in {@link FerryBrowserEndToEndTest}), handing over to a Ferry window this test opens (JavaFX on
 * headless Monocle, serving the single-instance socket as {@code FerryApp} does). The local
 * server's page hands out a signed link and a session cookie; the first link breaks off in the
 * middle of the body and answers 403 from then on, so the task fails. The user's steps follow: the
 * "Refresh link" button on the task, the page opened again in Chromium (a new signed link, a new
 * session), "Download with Ferry" on it. The same file resumes from the saved offset with a 206;
 * another version of it restarts from zero and the task's history says why.
 */
@ExtendWith(ApplicationExtension.class)
class RefreshLinkEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int SIZE = 1_200_000;
    /** Where the first link breaks off: well inside the body. */
    private static final int CUT = 400_000;
    private static final String FILE = "/files/report.bin";

    @TempDir
    Path temp;

    private Stage stage;
    private Server jetty;
    private ServerConnector connector;
    private final SignedLinks links = new SignedLinks();
    private ChromeDriver driver;
    private MainWindow window;
    private HandOffServer handOff;
    private Path downloads;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() throws Exception {
        Assumptions.assumeTrue(ChromiumWithExtension.installed(),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        jetty = new Server();
        connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.setHandler(links);
        jetty.start();

        Path data = Files.createDirectories(temp.resolve("data"));
        downloads = Files.createDirectories(temp.resolve("downloads"));
        openWindow(data);
        startChromium(data);
    }

    /** The window as {@code FerryApp.start} makes it: the queue, then the hand-off socket served by its receiver. */
    private void openWindow(Path data) throws Exception {
        // Two retries with short waits: the broken-off body is retried (and meets the 403) at once.
        new SettingsStore(data, downloads).save(Settings.defaults(downloads)
                .withPreferences(downloads, 3, 2, false, true, Theme.LIGHT, "en"));
        AppContext context = AppContext.inDirectory(data, downloads)
                .withEngineTuning(c -> c.withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        window = fx(() -> AppStartup.showWindow(context, path -> true, stage)).orElseThrow();
        handOff = SingleInstance.primaryOrRaise(InstancePaths.in(data)).orElseThrow();
        handOff.serve(new WindowHandOffReceiver(stage, window.viewModel()));
    }

    /** Chromium with the extension, and the host manifest in its profile naming the real host on this class path. */
    private void startChromium(Path data) throws IOException {
        Path profile = Files.createDirectories(temp.resolve("profile"));
        Path host = ChromiumWithExtension.hostScript(temp.resolve("ferry-host-e2e"), List.of("-Dferry.dataDir=" + data),
                HostMain.class.getName(), List.of(), temp.resolve("host.log"));
        driver = ChromiumWithExtension.start(profile, host, TIMEOUT);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (handOff != null) {
            handOff.close();
        }
        if (window != null) {
            MainWindow current = window;
            robot.interact(() -> current.dispose(false));
        }
        if (jetty != null) {
            jetty.stop();
        }
    }

    @Test
    void aRefreshedLinkToTheSameFileResumesFromTheSavedOffsetWithA206(FxRobot robot) throws Exception {
        byte[] content = bytes(1);
        links.publish(content, "\"v1\"");
        TaskModel task = downloadUntilTheLinkExpires(robot);
        long saved = fx(() -> task.record().durableBytes());

        refreshLinkFromThePage(robot, task);

        awaitState(task, TaskState.COMPLETED);
        assertThat(downloads.resolve("report.bin")).hasBinaryContent(content);
        Seen resumed = links.seen.getLast();
        assertThat(resumed.sig()).isEqualTo("sig-2");
        assertThat(resumed.session()).as("the new page's session cookie").isEqualTo("s-2");
        assertThat(resumed.ifRange()).isEqualTo("\"v1\"");
        assertThat(resumed.status()).isEqualTo(206);
        assertThat(resumed.range()).isEqualTo("bytes=" + resumed.from() + "-");
        assertThat(resumed.from()).as("resumed where the saved state ends").isPositive().isLessThanOrEqualTo(saved);
        assertThat(links.seen).filteredOn(s -> s.sig().equals("sig-2")).hasSize(1);
        assertThat(fx(() -> task.record().history())).extracting(HistoryEvent::kind)
                .doesNotContain(HistoryEvent.Kind.RESTARTED);
        assertThat(detailsHistory(robot, task)).anyMatch(line -> line.contains("New link from 127.0.0.1"));
    }

    @Test
    void aRefreshedLinkToAChangedFileRestartsFromZeroAndTheTaskSaysWhy(FxRobot robot) throws Exception {
        links.publish(bytes(2), "\"v1\"");
        TaskModel task = downloadUntilTheLinkExpires(robot);
        byte[] changed = bytes(3);
        links.publish(changed, "\"v2\"");

        refreshLinkFromThePage(robot, task);

        awaitState(task, TaskState.COMPLETED);
        assertThat(downloads.resolve("report.bin")).hasBinaryContent(changed);
        List<Seen> fresh = links.seen.stream().filter(s -> s.sig().equals("sig-2")).toList();
        // If-Range with the old version's ETag: the server answers with the whole new file, never a 206.
        assertThat(fresh.getFirst().ifRange()).isEqualTo("\"v1\"");
        assertThat(fresh.getFirst().range()).startsWith("bytes=");
        assertThat(fresh).allMatch(s -> s.status() == 200);
        assertThat(fx(() -> task.record().history())).filteredOn(e -> e.kind() == HistoryEvent.Kind.RESTARTED)
                .isNotEmpty().allSatisfy(e -> assertThat(e.text()).isNotBlank());
        assertThat(detailsHistory(robot, task)).anyMatch(line -> line.contains("Restarted") && line.contains(" — "));
    }

    /**
     * "Download with Ferry" on the page's link; the body breaks off at {@link #CUT}, the retry
     * meets the expired link's 403, and the task fails showing the page it came from.
     */
    private TaskModel downloadUntilTheLinkExpires(FxRobot robot) {
        String link = openPage();
        assertThat(sendLink(link)).as("host log:\n%s", log()).containsEntry("ok", true);
        TaskModel task = awaitRow("report.bin");
        awaitState(task, TaskState.FAILED);
        assertThat(fx(() -> task.record().message())).contains("403");
        assertThat(fx(() -> task.record().durableBytes())).isPositive();
        assertThat(links.seen.getFirst()).satisfies(first -> {
            assertThat(first.sig()).isEqualTo("sig-1");
            assertThat(first.session()).isEqualTo("s-1");
            assertThat(first.status()).isEqualTo(200);
        });
        select(robot, task);
        TextField page = robot.lookup("#details-from-page").queryAs(TextField.class);
        await().atMost(TIMEOUT).until(() -> fx(page::getText).equals(origin() + "/page"));
        assertThat(fx(page::isVisible)).isTrue();
        return task;
    }

    /** The user's steps: "Refresh link" on the task, the page again in the browser, "Download with Ferry" on its new link. */
    private void refreshLinkFromThePage(FxRobot robot, TaskModel task) {
        select(robot, task);
        robot.clickOn("#refresh-link");
        assertThat(fx(() -> window.viewModel().messages().messageProperty().get().text()))
                .contains("Open " + origin() + "/page").contains("report.bin");
        String link = openPage();
        assertThat(link).contains("sig=sig-2");
        Map<String, Object> sent = sendLink(link);
        assertThat(sent).as("host log:\n%s", log()).containsEntry("ok", true);
        assertThat(fx(() -> window.viewModel().list().tasks().size())).as("the same task, not a new one").isEqualTo(1);
    }

    /** Opens the download page in Chromium (a new signed link and session each time) and returns its link. */
    private String openPage() {
        driver.get(origin() + "/page");
        return driver.findElement(By.id("file")).getDomProperty("href");
    }

    /** What the context menu's "Download with Ferry" sends (Selenium cannot click a context menu), from the extension's popup. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> sendLink(String url) {
        driver.get("chrome-extension://" + AllowedExtensions.FERRY_CHROMIUM_ID + "/popup.html");
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; chrome.runtime.sendMessage({type: 'send-link', url: arguments[0],"
                        + " pageUrl: arguments[1]}, done);", url, origin() + "/page");
    }

    private TaskModel awaitRow(String name) {
        await().atMost(TIMEOUT).until(() -> fx(() -> window.viewModel().list().tasks().stream().anyMatch(m -> m.name().equals(name))));
        return fx(() -> window.viewModel().list().tasks().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow());
    }

    private void awaitState(TaskModel task, TaskState state) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(fx(task::state))
                .as(() -> task.name() + "; server saw " + links.seen + "; message " + fx(() -> task.record().message()))
                .isEqualTo(state));
    }

    private void select(FxRobot robot, TaskModel task) {
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<TaskModel> table = (TableView<TaskModel>) stage.getScene().lookup("#transfers");
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(task);
            table.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The history lines the details pane shows for the task. */
    private List<String> detailsHistory(FxRobot robot, TaskModel task) {
        select(robot, task);
        @SuppressWarnings("unchecked")
        ListView<String> history = robot.lookup("#details-history").queryAs(ListView.class);
        return fx(() -> List.copyOf(history.getItems()));
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String origin() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    private String log() {
        Path path = temp.resolve("host.log");
        try {
            return Files.exists(path) ? Files.readString(path) : "(no host log)";
        } catch (IOException e) {
            return "(host log unreadable: " + e.getMessage() + ")";
        }
    }

    private static byte[] bytes(long seed) {
        byte[] content = new byte[SIZE];
        new Random(seed).nextBytes(content);
        return content;
    }

    /** One request for the file, as the server saw and answered it. */
    record Seen(String sig, String session, String range, String ifRange, int status, long from) {
    }

    /**
     * A file host with expiring signed links: each view of /page hands out a new link
     * ({@code ?sig=sig-N}) and a new session cookie ({@code s-N}), and only the newest pair is
     * served. The first answer on a link breaks off after {@link #CUT} bytes, and from then on
     * that link answers 403, as an expired signed URL does. Ranges are honoured with a strong ETag
     * and {@code If-Range}, as nginx does: a validator that does not match gets the whole file.
     */
    private static final class SignedLinks extends Handler.Abstract {

        private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");
        private static final Pattern SESSION = Pattern.compile("(?:^|;\\s*)session=([^;]+)");

        final List<Seen> seen = new CopyOnWriteArrayList<>();
        private final AtomicInteger views = new AtomicInteger();
        private final AtomicBoolean breakNext = new AtomicBoolean(true);
        private volatile byte[] content;
        private volatile String etag;
        private volatile boolean expired;

        void publish(byte[] bytes, String tag) {
            content = bytes;
            etag = tag;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = request.getHttpURI().getPath();
            if (path.equals("/page")) {
                int view = views.incrementAndGet();
                expired = false;
                response.getHeaders().put("Set-Cookie", "session=s-" + view + "; Path=/; HttpOnly");
                response.getHeaders().put("Content-Type", "text/html; charset=utf-8");
                response.write(true, ByteBuffer.wrap(("<html><body><a id=\"file\" href=\"" + FILE + "?sig=sig-" + view
                        + "\">report</a></body></html>").getBytes(StandardCharsets.UTF_8)), callback);
            } else if (path.equals(FILE)) {
                serveFile(request, response, callback);
            } else {
                Response.writeError(request, response, callback, 404);
            }
            return true;
        }

        private void serveFile(Request request, Response response, Callback callback) throws IOException {
            String query = Optional.ofNullable(request.getHttpURI().getQuery()).orElse("");
            String sig = query.startsWith("sig=") ? query.substring(4) : "";
            Matcher cookie = SESSION.matcher(Optional.ofNullable(request.getHeaders().get("Cookie")).orElse(""));
            String session = cookie.find() ? cookie.group(1) : "";
            String range = request.getHeaders().get("Range");
            String ifRange = request.getHeaders().get("If-Range");
            int view = views.get();
            if (expired || !sig.equals("sig-" + view) || !session.equals("s-" + view)) {
                seen.add(new Seen(sig, session, range, ifRange, 403, -1));
                Response.writeError(request, response, callback, 403);
                return;
            }
            byte[] body = content;
            Matcher ranged = range == null ? null : RANGE.matcher(range);
            long from = ranged != null && ranged.matches() && (ifRange == null || ifRange.equals(etag))
                    ? Long.parseLong(ranged.group(1)) : 0;
            int status = from > 0 ? 206 : 200;
            seen.add(new Seen(sig, session, range, ifRange, status, from));
            response.setStatus(status);
            response.getHeaders().put("ETag", etag);
            response.getHeaders().put("Accept-Ranges", "bytes");
            response.getHeaders().put("Content-Type", "application/octet-stream");
            response.getHeaders().put("Content-Length", body.length - from);
            if (status == 206) {
                response.getHeaders().put("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            }
            if (request.getMethod().equals("HEAD")) {
                response.write(true, null, callback);
                return;
            }
            OutputStream out = Content.Sink.asOutputStream(response);
            if (breakNext.getAndSet(false)) {
                // The link expires in the middle of the body: the connection breaks off, and the link is dead from now on.
                out.write(body, 0, CUT);
                out.flush();
                expired = true;
                callback.failed(new IOException("the signed link expired"));
                return;
            }
            out.write(body, (int) from, (int) (body.length - from));
            out.close();
            callback.succeeded();
        }
    }
}
