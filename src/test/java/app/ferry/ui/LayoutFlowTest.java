package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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

/** Issue 14 items 2 and 4: every action answers; the layout fits at 800×500; a failed bar says so. */
@ExtendWith(ApplicationExtension.class)
class LayoutFlowTest {

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
        // TestFX hands every test class the same primary stage: give the next one its usual size back.
        robot.interact(() -> {
            stage.setWidth(1180);
            stage.setHeight(720);
        });
    }

    @Test
    void settingsFitsAt800x500AndDetailsOnlyWithASelection(FxRobot robot) {
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(800);
            stage.setHeight(500);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double sceneWidth = GuiFixture.fx(() -> stage.getScene().getWidth());
        Node settings = robot.lookup("#settings").query();
        Bounds settingsBounds = GuiFixture.fx(() -> settings.localToScene(settings.getLayoutBounds()));
        assertThat(settingsBounds.getMaxX()).isLessThanOrEqualTo(sceneWidth);
        assertThat(GuiFixture.fx(settings::isVisible)).isTrue();

        assertThat(robot.lookup("#details").tryQuery()).isEmpty();
        app.paste(robot, app.server.url("/files/1000/small.bin"));
        TaskModel row = app.waitForRow("small.bin");
        app.select(robot, row);
        GuiFixture.waitUntil(() -> stage.getScene().lookup("#details") != null);
        robot.interact(() -> robot.lookup("#transfers").queryAs(TableView.class).getSelectionModel().clearSelection());
        GuiFixture.waitUntil(() -> stage.getScene().lookup("#details") == null);
    }

    @Test
    void aFailedTransferShowsAFailedBar(FxRobot robot) {
        app.paste(robot, app.server.url("/broken/gone.bin"));
        TaskModel row = app.waitForRow("gone.bin");
        app.waitForState(row, TaskState.FAILED);
        GuiFixture.waitUntil(() -> stage.getScene().getRoot().lookupAll(".progress-bar.failed").size() == 1);
        String percent = GuiFixture.fx(() -> stage.getScene().getRoot().lookupAll(".progress-percent").stream()
                .map(n -> ((Labeled) n).getText()).reduce("", String::concat));
        assertThat(percent).contains("Failed").doesNotContain("100");
    }

    @Test
    void openingAFileThatWasDeletedSaysSoAndWhatToDo(FxRobot robot) throws Exception {
        app.paste(robot, app.server.url("/files/1000/moved.bin"));
        TaskModel row = app.waitForRow("moved.bin");
        app.waitForState(row, TaskState.COMPLETED);
        Files.delete(app.downloads.resolve("moved.bin"));
        app.select(robot, row);
        GuiFixture.waitUntil(() -> !robot.lookup("#open-file").queryButton().isDisabled());
        robot.type(KeyCode.ENTER);
        assertThat(app.message()).contains("moved.bin is no longer there").contains("Show in folder")
                .contains("paste its link again");
        assertThat(app.opened).isEmpty();

        robot.clickOn("#open-folder");
        assertThat(app.opened).containsExactly(app.downloads.toAbsolutePath().toString());
    }
}
