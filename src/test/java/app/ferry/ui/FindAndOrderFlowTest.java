package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TransferListener;
import app.ferry.engine.TaskState;
import app.ferry.testing.GeneratedFiles;
import app.ferry.ui.filter.TaskCategory;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What users reach for first: the sidebar's groups and counts, Ctrl+F search over names and URLs,
 * queue order from the keyboard (honoured by the engine), rename, Copy URL, the speed graph, Ctrl+Q.
 */
@ExtendWith(ApplicationExtension.class)
class FindAndOrderFlowTest {

    @TempDir
    Path temp;
    private Stage stage;
    private GuiFixture app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) throws Exception {
        app = new GuiFixture(temp);
        app.settings("en", false);
        // One transfer at a time, so that the others wait in the queue in its order.
        SettingsStore store = new SettingsStore(app.dataDir, app.downloads);
        Settings base = store.load().settings();
        store.save(base.withPreferences(app.downloads, 1, base.maxRetries(), false, base.autoResume(), base.theme(), "en"));
        app.open(robot, stage);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        app.close(robot);
    }

    @SuppressWarnings("unchecked")
    private List<String> shownNames(FxRobot robot) {
        TableView<TaskModel> table = robot.lookup("#transfers").queryAs(TableView.class);
        return GuiFixture.fx(() -> table.getItems().stream().map(TaskModel::name).toList());
    }

    private int count(TaskCategory category) {
        return GuiFixture.fx(() -> app.vm().filter().countProperty(category).get());
    }

    @Test
    void sidebarCountsGroupsAndSearchFilterTheTableTogether(FxRobot robot) {
        String pdf = app.server.url("/files/40000/report.pdf");
        // Paced (about 256 KiB/s): the speed graph sees it move.
        String video = app.server.url("/slow/700000/movie.mp4");
        String song = app.server.url("/files/50000/song.mp3");
        app.paste(robot, pdf + "\n" + video + "\n" + song);
        app.waitForAll(TaskState.COMPLETED, 3);

        GuiFixture.waitUntil(() -> app.vm().filter().countProperty(TaskCategory.COMPLETED).get() == 3);
        assertThat(count(TaskCategory.ALL)).isEqualTo(3);
        assertThat(count(TaskCategory.DOCUMENTS)).isEqualTo(1);
        assertThat(count(TaskCategory.VIDEO)).isEqualTo(1);
        assertThat(count(TaskCategory.AUDIO)).isEqualTo(1);
        assertThat(count(TaskCategory.FAILED)).isZero();
        assertThat(count(TaskCategory.DOWNLOADING)).isZero();

        robot.clickOn("#filter-video");
        assertThat(shownNames(robot)).containsExactly("movie.mp4");

        robot.clickOn("#filter-all");
        robot.clickOn("#transfers");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("SONG");
        assertThat(shownNames(robot)).containsExactly("song.mp3");
        // By URL: the size is only in the link.
        robot.interact(() -> app.vm().filter().searchProperty().set("/files/40000/"));
        assertThat(shownNames(robot)).containsExactly("report.pdf");
        // Combined with the group: no document in Video.
        robot.clickOn("#filter-video");
        assertThat(shownNames(robot)).isEmpty();
        robot.interact(() -> app.vm().filter().searchProperty().set(""));
        assertThat(shownNames(robot)).containsExactly("movie.mp4");

        // The graph saw the downloads move.
        assertThat(GuiFixture.fx(() -> app.vm().speeds().peak())).isPositive();
    }

    @Test
    void queueOrderFromTheKeyboardIsTheOrderTheEngineStartsIn(FxRobot robot) {
        app.paste(robot, app.server.url("/slow/50000000/big.bin"));
        TaskModel big = app.waitForRow("big.bin");
        app.waitForState(big, TaskState.RUNNING);
        app.paste(robot, String.join("\n", app.server.url("/files/1000/x1.bin"), app.server.url("/files/1000/x2.bin"),
                app.server.url("/files/1000/x3.bin")));
        TaskModel x3 = app.waitForRow("x3.bin");
        assertThat(shownNames(robot)).containsExactly("big.bin", "x1.bin", "x2.bin", "x3.bin");

        app.select(robot, x3);
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.HOME).release(KeyCode.HOME, KeyCode.ALT, KeyCode.CONTROL);
        GuiFixture.waitUntil(() -> app.vm().list().tasks().getFirst() == x3);
        assertThat(shownNames(robot)).containsExactly("x3.bin", "big.bin", "x1.bin", "x2.bin");
        app.select(robot, app.waitForRow("x1.bin"));
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT, KeyCode.CONTROL);
        GuiFixture.waitUntil(() -> app.vm().list().tasks().getLast().name().equals("x1.bin"));

        List<String> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        app.vm().queue().addListener(new TransferListener() {
            @Override
            public void stateChanged(TaskSnapshot snapshot) {
                if (snapshot.state() == TaskState.RUNNING) {
                    started.add(snapshot.record().name());
                }
            }
        });
        app.select(robot, big);
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        TaskModel x1 = app.waitForRow("x1.bin");
        TaskModel x2 = app.waitForRow("x2.bin");
        app.waitForState(x1, TaskState.COMPLETED);
        app.waitForState(x2, TaskState.COMPLETED);
        app.waitForState(x3, TaskState.COMPLETED);
        // One slot: the engine started them in the order the keys gave the queue.
        assertThat(started).containsExactly("x3.bin", "x2.bin", "x1.bin");
        assertThat(GuiFixture.fx(big::state)).isEqualTo(TaskState.PAUSED);
    }

    @Test
    void renameCopyUrlAndCtrlQ(FxRobot robot) throws Exception {
        String url = app.server.url("/files/20000/notes.txt");
        app.paste(robot, url);
        TaskModel row = app.waitForRow("notes.txt");
        app.waitForState(row, TaskState.COMPLETED);
        Files.writeString(app.downloads.resolve("kept.txt"), "not to be replaced");

        app.select(robot, row);
        robot.press(KeyCode.F2).release(KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#rename-field").queryTextInputControl().setText("kept.txt"));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        GuiFixture.waitUntil(() -> row.name().equals("kept (1).txt"));
        assertThat(app.downloads.resolve("kept.txt")).hasContent("not to be replaced");
        assertThat(Files.readAllBytes(app.downloads.resolve("kept (1).txt"))).isEqualTo(GeneratedFiles.content(20000));
        assertThat(app.downloads.resolve("notes.txt")).doesNotExist();
        GuiFixture.waitUntil(() -> app.message().contains("Renamed to kept (1).txt"));

        app.select(robot, row);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(GuiFixture.fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(url);

        // Nothing runs: Ctrl+Q quits at once, like closing the window.
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        GuiFixture.waitUntil(() -> !stage.isShowing());
    }
}
