package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.GeneratedFiles;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** Speed limits end to end: the settings dialog's global limit, and a task's own from its context menu. */
@ExtendWith(ApplicationExtension.class)
class SpeedLimitFlowTest {

    private static final long LIMIT = 512 * 1024;
    /** 1.5 MiB: one connection (segmenting starts at 4 MiB), about 3 s at the limit. */
    private static final int SIZE = 1_572_864;

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
        // The stage is shared by all GUI test classes: one may have left it narrow (the toolbar then
        // puts its last buttons in the overflow menu) or partly off the screen.
        robot.interact(() -> {
            stage.setWidth(1180);
            stage.setHeight(720);
            stage.centerOnScreen();
        });
        app.open(robot, stage);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        app.close(robot);
    }

    @Test
    void aGlobalDownloadLimitSetInTheSettingsHoldsTheSpeed(FxRobot robot) throws Exception {
        robot.clickOn("#settings");
        type(robot, "#settings-download-limit", "512");
        robot.clickOn("#settings-download-limit-unit");
        robot.clickOn("KiB/s");
        robot.clickOn("#settings-ok");
        TransferQueue queue = GuiFixture.fx(() -> app.vm().queue());
        assertThat(queue.config().downloadLimit()).isEqualTo(LIMIT);
        assertThat(new SettingsStore(app.dataDir, app.downloads).load().settings())
                .extracting(Settings::downloadLimit, Settings::uploadLimit).containsExactly(LIMIT, 0L);

        app.paste(robot, app.server.url("/files/" + SIZE + "/limited.bin"));
        TaskId id = app.waitForRow("limited.bin").id();

        // From the engine's own counters on this thread: the first bytes seen, then the end.
        long[] first = new long[2];
        await().atMost(Duration.ofSeconds(GuiFixture.TIMEOUT_SECONDS)).pollInterval(Duration.ofMillis(10)).until(() -> {
            long done = snapshot(queue, id).bytesDone();
            first[0] = System.nanoTime();
            first[1] = done;
            return done > 0;
        });
        await().atMost(Duration.ofSeconds(GuiFixture.TIMEOUT_SECONDS)).pollInterval(Duration.ofMillis(10))
                .until(() -> snapshot(queue, id).state() == TaskState.COMPLETED);
        double seconds = (System.nanoTime() - first[0]) / 1e9;
        double bytesPerSecond = (SIZE - first[1]) / seconds;

        assertThat(bytesPerSecond).as("average over %.1f s", seconds).isLessThanOrEqualTo(1.3 * LIMIT);
        assertThat(Files.readAllBytes(app.downloads.resolve("limited.bin"))).isEqualTo(GeneratedFiles.content(SIZE));
    }

    @Test
    void aTaskIsLimitedFromItsContextMenuAndTheDetailsShowIt(FxRobot robot) {
        app.paste(robot, app.server.url("/held/400000/own.bin"));
        TaskModel row = app.waitForRow("own.bin");
        GuiFixture.waitUntil(() -> row.doneProperty().get() >= 200_000);
        app.select(robot, row);
        assertThat(robot.lookup("#details-speed-limit").queryAs(TextField.class).getText()).startsWith("none");

        TableRow<?> cell = robot.lookup(".table-row-cell").match((TableRow<?> r) -> r.getItem() == row).query();
        // The headless robot's right click raises no context-menu request, so the row gets the one a right click would.
        robot.interact(() -> {
            javafx.geometry.Bounds bounds = cell.localToScreen(cell.getBoundsInLocal());
            cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10,
                    bounds.getMinX() + 10, bounds.getMinY() + 10, false, null));
        });
        // A menu item is no node: its label inside the open context menu is clicked.
        robot.clickOn(robot.lookup(".context-menu .label").match(LabeledMatchers.hasText("Limit speed…")).queryLabeled());
        robot.clickOn("#limit-to");
        type(robot, "#limit-amount", "64");
        robot.clickOn("#limit-amount-unit");
        robot.clickOn("KiB/s");
        robot.clickOn("#limit-ok");

        assertThat(GuiFixture.fx(() -> row.speedLimitProperty().get())).isEqualTo(64 * 1024);
        assertThat(GuiFixture.fx(() -> robot.lookup("#details-speed-limit").queryAs(TextField.class).getText()))
                .isEqualTo("64 KiB/s");
        app.files.release();
        app.waitForState(row, TaskState.COMPLETED);
    }

    /** Types into a field once its dialog has the focus (keys typed before that would go to the main window). */
    private static void type(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field);
        GuiFixture.waitUntil(() -> field.isFocused() && field.getScene().getWindow().isFocused());
        robot.interact(field::selectAll);
        robot.write(text);
        GuiFixture.waitUntil(() -> field.getText().equals(text));
    }

    private static TaskSnapshot snapshot(TransferQueue queue, TaskId id) {
        return queue.snapshots().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
