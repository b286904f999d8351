package app.ferry.ui;

import app.ferry.engine.TaskState;
import app.ferry.testing.ErrorPage;
import app.ferry.testing.GeneratedFiles;
import app.ferry.testing.TestServer;
import app.ferry.testing.UploadSink;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One Ferry window on temporary folders (settings, queue, downloads), a local server, and the
 * waits the GUI tests share. Everything on the window is read on the FX thread.
 */
final class GuiFixture {

    static final int TIMEOUT_SECONDS = 30;

    final Path dataDir;
    final Path downloads;
    final TestServer server;
    final GeneratedFiles files;
    final UploadSink uploads;
    final List<String> opened = new ArrayList<>();
    MainWindow window;

    GuiFixture(Path temp) throws Exception {
        dataDir = Files.createDirectories(temp.resolve("data"));
        downloads = Files.createDirectories(temp.resolve("downloads"));
        server = TestServer.start();
        files = GeneratedFiles.mount(server);
        uploads = UploadSink.mount(server, Files.createDirectories(temp.resolve("server")));
        server.servlet("/broken/*", new ErrorPage());
    }

    AppContext context() {
        return AppContext.inDirectory(dataDir, downloads);
    }

    /** Writes settings before the window opens (English unless a test says otherwise). */
    void settings(String language, boolean notifications) throws IOException {
        Settings base = new SettingsStore(dataDir, downloads).load().settings();
        new SettingsStore(dataDir, downloads).save(base.withPreferences(downloads, base.maxConcurrent(),
                base.maxRetries(), notifications, base.autoResume(), base.theme(), language));
    }

    MainWindow open(FxRobot robot, Stage stage) {
        return open(robot, stage, context());
    }

    MainWindow open(FxRobot robot, Stage stage, AppContext context) {
        MainWindow created = GuiFixture.fx(() -> AppStartup.showWindow(context, path -> opened.add(path.toString()), stage))
                .orElseThrow(() -> new AssertionError("the window did not open"));
        window = created;
        return created;
    }

    void close(FxRobot robot) throws Exception {
        if (window != null) {
            MainWindow current = window;
            robot.interact(() -> current.dispose(false));
            window = null;
        }
        files.release();
        server.close();
    }

    MainViewModel vm() {
        return window.viewModel();
    }

    /** Puts text on the real system clipboard and presses Ctrl+V over the table. */
    void paste(FxRobot robot, String text) {
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn("#transfers");
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Condition not met within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    List<TaskModel> rows() {
        return fx(() -> List.copyOf(window.viewModel().list().tasks()));
    }

    Optional<TaskModel> row(Predicate<TaskModel> which) {
        return rows().stream().filter(which).findFirst();
    }

    TaskModel waitForRow(String name) {
        waitUntil(() -> window.viewModel().list().tasks().stream().anyMatch(m -> m.name().equals(name)));
        return row(m -> m.name().equals(name)).orElseThrow();
    }

    void waitForState(TaskModel model, TaskState state) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> model.state() == state));
        } catch (TimeoutException e) {
            throw new AssertionError(model.name() + " is " + fx(model::state) + " (" + fx(() -> model.messageProperty().get())
                    + "), not " + state, e);
        }
    }

    void waitForAll(TaskState state, int count) {
        waitUntil(() -> window.viewModel().list().tasks().size() == count
                && window.viewModel().list().tasks().stream().allMatch(m -> m.state() == state));
    }

    void select(FxRobot robot, TaskModel model) {
        robot.interact(() -> {
            var table = window.stage().getScene().lookup("#transfers");
            @SuppressWarnings("unchecked")
            var view = (javafx.scene.control.TableView<TaskModel>) table;
            view.getSelectionModel().clearSelection();
            view.getSelectionModel().select(model);
            view.requestFocus();
        });
    }

    String message() {
        return fx(() -> window.messageArea().visibleText());
    }
}
