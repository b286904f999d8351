package app.ferry.ui;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.ErrorPage;
import app.ferry.testing.GeneratedFiles;
import app.ferry.testing.TestServer;
import app.ferry.testing.UploadSink;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import app.ferry.ui.settings.Theme;
import app.ferry.ui.settings.UploadMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Sets up the README's screenshot scenes against the local test server, in temporary folders:
 * {@code busy} (light theme unless {@code ferry.demo.theme=dark}, downloads and uploads in progress, a
 * finished and a failed one, the search field set to {@code ferry.demo.search}) and
 * {@code upload-dialog} (dark theme, the upload dialog for three dropped files); {@code ferry.demo.size}
 * sizes the window, {@code ferry.demo.open} opens a dialog over the busy scene. Run it under
 * Xvfb with the test class path; see {@code scripts/gui-screenshots.sh}.
 */
public final class ScreenshotDemo {

    private static String scene;

    private ScreenshotDemo() {
    }

    /** Not an Application itself: the JDK launcher would then demand JavaFX on the module path. */
    public static void main(String[] args) {
        scene = args.length == 0 ? "busy" : args[0];
        Application.launch(App.class);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            setUp(stage);
        }
    }

    /**
     * What goes wrong, on screen: a pasted list with a good link, a 404, an ftp:// link, a line of
     * text and an address without http://; an upload refused with an HTML error page; a download
     * whose password was refused (its prompt open, saying so).
     */
    private static void failures(MainWindow window, TransferQueue queue, TestServer server, Path downloads, Path temp)
            throws Exception {
        window.viewModel().adding().pasteText(String.join("\n", server.url("/files/2097152/handbook.pdf"),
                server.url("/nowhere/old-build.tar.gz"), "ftp://mirror.example.org/pub/image.iso",
                "here are the files for Friday", "www.example.com/file.zip"));
        Path photo = Files.write(Files.createDirectories(temp.resolve("Pictures")).resolve("holiday-003.jpg"),
                new byte[200_000]);
        queue.add(RawUploadSpec.restPut(photo, server.url("/broken/"), "holiday-003.jpg", null));
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
        later.setOnFinished(e -> queue.addAll(List.of(new TransferQueue.Addition(
                DownloadSpec.of(server.url("/secret/100000/private-report.pdf"), downloads),
                new app.ferry.engine.Credentials("ferry", "wrong")))));
        later.play();
    }

    /** The settings dialog with a manual proxy, and its Change… dialog open over it. */
    private static void settingsProxy(MainWindow window) {
        Settings withProxy = window.viewModel().settings().settingsProperty().get()
                .withProxy(new app.ferry.ui.settings.ProxyChoice(app.ferry.ui.settings.ProxyMode.MANUAL,
                        "proxy.corp.example", 3128, "alice", "localhost, 127.0.0.1, ::1, .corp.example", false));
        app.ferry.ui.settings.SettingsDialog dialog = new app.ferry.ui.settings.SettingsDialog(window.stage(),
                window.viewModel().i18n(), withProxy, "not-a-real-password");
        dialog.show(result -> { });
        // Side by side (Xvfb has no window manager to place them): the settings' Proxy row stays in view.
        javafx.stage.Window settings = javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene().lookup("#settings-proxy-edit") != null).findFirst().orElseThrow();
        settings.setX(20);
        settings.setY(20);
        javafx.application.Platform.runLater(() -> {
            javafx.stage.Window.getWindows().addListener((javafx.collections.ListChangeListener<javafx.stage.Window>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(w -> w.setOnShown(e -> {
                        w.setX(600);
                        w.setY(330);
                    }));
                }
            });
            ((javafx.scene.control.Button) settings.getScene().lookup("#settings-proxy-edit")).fire();
        });
    }

    private static void setUp(Stage stage) throws Exception {
        Path temp = Files.createTempDirectory("ferry-demo");
        Path data = Files.createDirectories(temp.resolve("data"));
        Path downloads = Files.createDirectories(temp.resolve("Downloads"));
        TestServer server = TestServer.start();
        GeneratedFiles.mount(server);
        UploadSink.mount(server, Files.createDirectories(temp.resolve("server")));
        server.servlet("/broken/*", new ErrorPage());
        server.servlet("/checking/*", new SlowToAnswer());
        boolean dark = scene.equals("upload-dialog") || System.getProperty("ferry.demo.theme", "").equals("dark");
        Settings settings = Settings.defaults(downloads).withPreferences(downloads, 6, 8, false, true,
                dark ? Theme.DARK : Theme.LIGHT, System.getProperty("ferry.demo.language", "en"));
        if (scene.equals("upload-dialog")) {
            settings = settings.withUpload(Settings.UploadChoices.DEFAULT.remember("https://files.example.org/upload",
                    UploadMode.MULTIPART, "attachment", List.of(new Settings.FormField("album", "Holiday 2026")),
                    false, false, "alice"));
        }
        new SettingsStore(data, downloads).save(settings);

        // Everything runs against one local server: lift the per-host limit so uploads run too.
        MainWindow window = AppStartup.showWindow(AppContext.inDirectory(data, downloads)
                .withEngineTuning(config -> config.withMaxPerHost(10)), path -> true, stage).orElseThrow();
        TransferQueue queue = window.viewModel().queue();
        // ferry.demo.size=WxH: the window at that size in the screen's top left corner.
        String size = System.getProperty("ferry.demo.size", "");
        if (!size.isEmpty()) {
            String[] wh = size.split("x");
            window.stage().setMaximized(false);
            window.stage().setWidth(Double.parseDouble(wh[0]));
            window.stage().setHeight(Double.parseDouble(wh[1]));
            window.stage().setX(0);
            window.stage().setY(0);
        }
        if (scene.equals("failures")) {
            failures(window, queue, server, downloads, temp);
            return;
        }
        if (scene.equals("settings-proxy")) {
            settingsProxy(window);
            return;
        }
        queue.add(DownloadSpec.of(server.url("/files/5242880/ubuntu-mini.iso"), downloads));
        queue.add(DownloadSpec.of(server.url("/files/1048576/release-notes.pdf"), downloads));
        queue.add(DownloadSpec.of(server.url("/missing/1/old-build.tar.gz"), downloads));
        Path uploads = Files.createDirectories(temp.resolve("Pictures"));
        for (String name : List.of("holiday-001.jpg", "holiday-002.jpg", "报告-2026.pdf")) {
            Path file = uploads.resolve(name);
            byte[] bytes = new byte[(dark ? 3_000_000 : 40_000_000) + name.length() * 100_000];
            new Random(name.hashCode()).nextBytes(bytes);
            Files.write(file, bytes);
        }
        if (scene.equals("upload-dialog")) {
            window.handleDroppedFiles(List.of(uploads.resolve("holiday-001.jpg"), uploads.resolve("holiday-002.jpg"),
                    uploads.resolve("报告-2026.pdf")));
            return;
        }
        queue.add(RawUploadSpec.restPut(uploads.resolve("holiday-002.jpg"), server.url("/up/"), "holiday-002.jpg", null));
        // Sent whole, and the server still checking it: "Waiting for server", not 100 %.
        queue.add(RawUploadSpec.restPut(uploads.resolve("holiday-002.jpg"), server.url("/checking/"), "holiday-002-copy.jpg", null));
        queue.add(DownloadSpec.of(server.url("/slow/268435456/debian-13-netinst.iso"), downloads));
        queue.add(DownloadSpec.of(server.url("/slow/134217728/dataset-2026.zip"), downloads));
        queue.add(DownloadSpec.of(server.url("/slow/73400320/jdk-25-linux-x64.tar.gz"), downloads));
        queue.add(RawUploadSpec.restPut(uploads.resolve("holiday-001.jpg"), server.url("/slowup/"), "holiday-001.jpg", null));
        queue.add(RawUploadSpec.restPut(uploads.resolve("报告-2026.pdf"), server.url("/slowup/"), "报告-2026.pdf", null));
        queue.add(DownloadSpec.of(server.url("/slow/50000000/podcast-episode-42.mp3"), downloads));
        queue.add(DownloadSpec.of(server.url("/slow/50000000/fonts.tar.xz"), downloads));
        // Show a running download's details once it has some history.
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
        later.setOnFinished(e -> {
            // The sidebar's search (ferry.demo.search) filters the table as typing would.
            window.viewModel().filter().searchProperty().set(System.getProperty("ferry.demo.search", ""));
            @SuppressWarnings("unchecked")
            var table = (javafx.scene.control.TableView<TaskModel>) stage.getScene().lookup("#transfers");
            table.getSelectionModel().select(4);
            // ferry.demo.open: a dialog over the busy window (settings, add-urls, or quit: its question).
            switch (System.getProperty("ferry.demo.open", "")) {
                case "settings" -> ((javafx.scene.control.Button) stage.getScene().lookup("#settings")).fire();
                case "add-urls" -> ((javafx.scene.control.Button) stage.getScene().lookup("#add-urls")).fire();
                case "quit" -> window.requestQuit();
                default -> {
                }
            }
        });
        later.play();
    }

    /** Reads a whole upload, then takes its time to answer: a server storing or checking a file. */
    private static final class SlowToAnswer extends jakarta.servlet.http.HttpServlet {
        @Override
        protected void service(jakarta.servlet.http.HttpServletRequest request,
                               jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.setStatus(201);
        }
    }
}
