package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.HistoryEvent;
import app.ferry.engine.TaskState;
import app.ferry.testing.GeneratedFiles;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import app.ferry.ui.settings.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Pause and resume, restarts on the same folders, settings and layout that survive them. */
@ExtendWith(ApplicationExtension.class)
class PersistenceTest {

    private static final int HELD_SIZE = 2_000_000;

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
        app.open(robot, stage);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        app.close(robot);
    }

    @Test
    void pauseThenResumeCompletesIdenticalFromTheSavedOffset(FxRobot robot) throws Exception {
        app.paste(robot, app.server.url("/held/" + HELD_SIZE + "/held.bin"));
        TaskModel row = app.waitForRow("held.bin");
        GuiFixture.waitUntil(() -> row.doneProperty().get() > HELD_SIZE / 3);
        app.select(robot, row);
        robot.clickOn("#pause");
        app.waitForState(row, TaskState.PAUSED);

        app.files.release();
        robot.clickOn("#resume");
        app.waitForState(row, TaskState.COMPLETED);
        assertThat(Files.readAllBytes(app.downloads.resolve("held.bin"))).isEqualTo(GeneratedFiles.content(HELD_SIZE));
        assertThat(app.files.rangeRequests()).isEqualTo(1);
        assertThat(GuiFixture.fx(() -> row.record().history()))
                .anyMatch(e -> e.kind() == HistoryEvent.Kind.RESUMED && e.offset() > 0);
        GuiFixture.waitUntil(() -> robot.lookup("#details-history").queryListView().getItems().stream()
                .anyMatch(line -> line.toString().contains("Resumed @")));
    }

    @Test
    void restartRestoresFinishedAndUnfinishedTasksAndContinues(FxRobot robot) throws Exception {
        app.paste(robot, app.server.url("/files/5000/done.bin"));
        app.waitForState(app.waitForRow("done.bin"), TaskState.COMPLETED);
        app.paste(robot, app.server.url("/held/" + HELD_SIZE + "/later.bin"));
        TaskModel running = app.waitForRow("later.bin");
        GuiFixture.waitUntil(() -> running.doneProperty().get() > HELD_SIZE / 3);

        // Quit with "continue next time", then start again on a new stage and the same folders.
        robot.interact(() -> app.window.stage().fireEvent(new WindowEvent(app.window.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        robot.clickOn("#quit-keep");
        GuiFixture.waitUntil(() -> !stage.isShowing());
        app.files.release();
        Stage second = GuiFixture.fx(Stage::new);
        app.open(robot, second);

        TaskModel done = app.waitForRow("done.bin");
        assertThat(GuiFixture.fx(done::state)).isEqualTo(TaskState.COMPLETED);
        TaskModel later = app.waitForRow("later.bin");
        app.waitForState(later, TaskState.COMPLETED);
        assertThat(Files.readAllBytes(app.downloads.resolve("later.bin"))).isEqualTo(GeneratedFiles.content(HELD_SIZE));
        assertThat(app.files.rangeRequests()).isEqualTo(1);
    }

    @Test
    void quitWithPauseKeepsTasksPausedNextTime(FxRobot robot) {
        app.paste(robot, app.server.url("/held/" + HELD_SIZE + "/paused.bin"));
        TaskModel row = app.waitForRow("paused.bin");
        app.waitForState(row, TaskState.RUNNING);

        robot.interact(() -> app.window.stage().fireEvent(new WindowEvent(app.window.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        robot.clickOn("#quit-pause");
        GuiFixture.waitUntil(() -> !stage.isShowing());
        Stage second = GuiFixture.fx(Stage::new);
        app.open(robot, second);

        TaskModel restored = app.waitForRow("paused.bin");
        assertThat(GuiFixture.fx(restored::state)).isEqualTo(TaskState.PAUSED);
        assertThat(GuiFixture.fx(() -> app.vm().selection().canResumeAllProperty().get())).isTrue();
    }

    @Test
    void settingsAndLayoutPersist(FxRobot robot) {
        robot.clickOn("#settings");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            Spinner<Integer> concurrent = robot.lookup("#settings-concurrent").queryAs(Spinner.class);
            concurrent.getValueFactory().setValue(7);
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<Theme> theme = robot.lookup("#settings-theme").queryAs(javafx.scene.control.ComboBox.class);
            theme.setValue(Theme.DARK);
            robot.lookup("#settings-notifications").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
        });
        robot.clickOn("#settings-ok");
        assertThat(GuiFixture.fx(() -> app.vm().queue().config().maxConcurrent())).isEqualTo(7);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<TaskModel> table = robot.lookup("#transfers").queryAs(TableView.class);
            table.getColumns().get(1).setPrefWidth(333);
            table.getSortOrder().setAll(java.util.List.of(table.getColumns().get(2)));
            app.window.stage().setWidth(900);
        });

        robot.interact(() -> app.window.dispose(false));
        robot.interact(stage::close);
        Settings saved = new SettingsStore(app.dataDir, app.downloads).load().settings();
        assertThat(saved.maxConcurrent()).isEqualTo(7);
        assertThat(saved.theme()).isEqualTo(Theme.DARK);
        assertThat(saved.notifications()).isTrue();
        assertThat(saved.window().width()).isEqualTo(900);

        Stage second = GuiFixture.fx(Stage::new);
        app.open(robot, second);
        TableView<?> table = robot.lookup("#transfers").queryAs(TableView.class);
        assertThat(GuiFixture.fx(() -> table.getColumns().get(1).getWidth())).isEqualTo(333);
        assertThat(GuiFixture.fx(() -> table.getSortOrder().getFirst().getId())).isEqualTo("size");
        assertThat(GuiFixture.fx(second::getWidth)).isEqualTo(900);
        assertThat(GuiFixture.fx(() -> app.vm().queue().config().maxConcurrent())).isEqualTo(7);
    }

    @Test
    void corruptSettingsAndTaskFilesAreKeptAsideAndTheAppStarts(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.dispose(false));
        robot.interact(stage::close);
        Files.writeString(app.dataDir.resolve("settings.json"), "{ not json");
        Path tasks = Files.createDirectories(app.context().stateDir().resolve("tasks"));
        Files.writeString(tasks.resolve("0badc0de-0000-0000-0000-000000000000.json"), "garbage");

        Stage second = GuiFixture.fx(Stage::new);
        app.open(robot, second);
        assertThat(GuiFixture.fx(second::isShowing)).isTrue();
        assertThat(app.message()).contains("settings file could not be read").contains("saved transfer could not be read");
        try (var files = Files.list(app.dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("settings.json.corrupt-"));
        }
    }
}
