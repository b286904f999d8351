package app.ferry.browser;

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
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The README's "captured download" scene, through the real path: a Ferry window (serving the
 * single-instance socket as {@code FerryApp} does), Debian's Chromium (headless) with Ferry's
 * unpacked extension and the real host, and a local file host whose page sets a session cookie
 * and serves its files only with it. The extension's "Download with Ferry" sends two links from
 * that page; the slow one is selected, so the details pane shows its page and the browser's
 * headers (the cookie masked). Run under Xvfb with the test class path; see
 * {@code scripts/browser-screenshot.sh}, which takes the picture and ends this process.
 */
public final class CapturedDownloadDemo {

    private static final String PAGE = "/downloads/debian-13";

    private CapturedDownloadDemo() {
    }

    /** Not an Application itself: the JDK launcher would then demand JavaFX on the module path. */
    public static void main(String[] args) {
        Application.launch(App.class);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            // The script passes a folder it deletes afterwards; alone, a fresh temporary one.
            String dir = System.getProperty("ferry.demo.dir");
            Path temp = dir == null ? Files.createTempDirectory("ferry-browser-demo") : Files.createDirectories(Path.of(dir));
            Path data = Files.createDirectories(temp.resolve("data"));
            Path downloads = Files.createDirectories(temp.resolve("Downloads"));
            new SettingsStore(data, downloads).save(Settings.defaults(downloads)
                    .withPreferences(downloads, 3, 5, false, true, Theme.LIGHT, "en"));
            MainWindow window = AppStartup.showWindow(AppContext.inDirectory(data, downloads), path -> true, stage).orElseThrow();
            stage.setMaximized(false);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(860);
            HandOffServer handOff = SingleInstance.primaryOrRaise(InstancePaths.in(data)).orElseThrow();
            handOff.serve(new WindowHandOffReceiver(stage, window.viewModel()));
            Thread.ofPlatform().daemon().name("browser-demo").start(() -> {
                try {
                    sendFromTheBrowser(temp, data);
                    // The picture shows the ISO moving and the checksum file done: wait for that.
                    org.awaitility.Awaitility.await("both hand-offs downloading").atMost(java.time.Duration.ofSeconds(60))
                            .until(() -> onFx(() -> shownAsMoving(stage)));
                    Platform.runLater(() -> {
                        select(stage, "debian-13.1.0-amd64-netinst.iso");
                        System.out.println("ready"); // The script waits for this line before its picture.
                    });
                } catch (Exception e) {
                    e.printStackTrace();
                    System.exit(1); // Chromium's driver threads would keep a failed demo alive.
                }
            });
        }
    }

    /** The file host, Chromium with the extension, and "Download with Ferry" on two of the page's links. */
    private static void sendFromTheBrowser(Path temp, Path data) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.setHandler(new FileHost());
        jetty.start();
        String origin = "http://127.0.0.1:" + connector.getLocalPort();

        Path profile = Files.createDirectories(temp.resolve("profile"));
        Path host = ChromiumWithExtension.hostScript(temp.resolve("ferry-host-demo"), List.of("-Dferry.dataDir=" + data),
                HostMain.class.getName(), List.of(), temp.resolve("host.log"));
        ChromeDriver driver = ChromiumWithExtension.start(profile, host, Duration.ofSeconds(90));
        Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
        driver.get(origin + PAGE);
        driver.get("chrome-extension://" + AllowedExtensions.FERRY_CHROMIUM_ID + "/popup.html");
        for (String file : List.of("/files/SHA256SUMS", "/files/debian-13.1.0-amd64-netinst.iso")) {
            Object sent = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " chrome.runtime.sendMessage({type: 'send-link', url: arguments[0], pageUrl: arguments[1]}, done);",
                    origin + file, origin + PAGE);
            if (!(sent instanceof Map<?, ?> reply) || !Boolean.TRUE.equals(reply.get("ok"))) {
                throw new IllegalStateException("Ferry did not take " + file + ": " + sent + "; host log:\n"
                        + Files.readString(temp.resolve("host.log")));
            }
        }
    }

    /** The checksum file completed, and the ISO running with a speed to show. */
    private static boolean shownAsMoving(Stage stage) {
        @SuppressWarnings("unchecked")
        TableView<TaskModel> table = (TableView<TaskModel>) stage.getScene().lookup("#transfers");
        return table.getItems().stream().anyMatch(m -> m.name().equals("SHA256SUMS")
                        && m.state() == app.ferry.engine.TaskState.COMPLETED)
                && table.getItems().stream().anyMatch(m -> m.name().equals("debian-13.1.0-amd64-netinst.iso")
                        && m.state() == app.ferry.engine.TaskState.RUNNING && m.speedProperty().get() > 0);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(read);
        Platform.runLater(task);
        return task.get();
    }

    private static void select(Stage stage, String name) {
        @SuppressWarnings("unchecked")
        TableView<TaskModel> table = (TableView<TaskModel>) stage.getScene().lookup("#transfers");
        table.getItems().stream().filter(m -> m.name().equals(name)).findFirst()
                .ifPresent(m -> table.getSelectionModel().select(m));
    }

    /**
     * The page sets a session cookie; files are served only with it, the ISO's first 280 MB at
     * once and the rest slowly enough to be seen running (2.5 MiB/s; zeros, never kept in
     * memory). No ranges: one connection, so the picture shows the plain case.
     */
    private static final class FileHost extends Handler.Abstract {

        private static final long ISO_SIZE = 754_974_720L;
        private static final long AT_ONCE = 280_000_000L;
        private static final byte[] SUMS = ("d7fe3d6a0419667d2f8eff12796996328daa2d4f90cd9f87aa9371b362f987bf"
                + " *debian-13.1.0-amd64-netinst.iso\n").getBytes(StandardCharsets.US_ASCII);

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = request.getHttpURI().getPath();
            String cookie = String.valueOf(request.getHeaders().get("Cookie"));
            if (path.equals(PAGE)) {
                response.getHeaders().put("Set-Cookie", "session=demo-7f3a91c2; Path=/; HttpOnly");
                response.getHeaders().put("Content-Type", "text/html; charset=utf-8");
                response.write(true, ByteBuffer.wrap("<html><body>Debian 13</body></html>".getBytes(StandardCharsets.UTF_8)),
                        callback);
            } else if (!cookie.contains("session=demo-7f3a91c2")) {
                Response.writeError(request, response, callback, 403);
            } else if (path.equals("/files/SHA256SUMS")) {
                response.getHeaders().put("Content-Type", "text/plain");
                response.getHeaders().put("Content-Length", SUMS.length);
                response.write(true, ByteBuffer.wrap(SUMS), callback);
            } else if (path.equals("/files/debian-13.1.0-amd64-netinst.iso")) {
                response.getHeaders().put("Content-Type", "application/x-iso9660-image");
                response.getHeaders().put("Content-Length", ISO_SIZE);
                try (OutputStream out = Content.Sink.asOutputStream(response)) {
                    byte[] chunk = new byte[256 * 1024];
                    for (long sent = 0; sent < ISO_SIZE; sent += chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, ISO_SIZE - sent));
                        if (sent >= AT_ONCE) {
                            Thread.sleep(100);
                        }
                    }
                } catch (IOException e) {
                    callback.failed(e); // Ferry paused or closed: nothing more to send.
                    return true;
                }
                callback.succeeded();
            } else {
                Response.writeError(request, response, callback, 404);
            }
            return true;
        }
    }
}
