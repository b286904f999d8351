package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Paste to download: the real system clipboard, Ctrl+V, a local server. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

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
    void opensTitledWindowWithTransferTable(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Ferry");
        TableView<?> table = robot.lookup("#transfers").queryAs(TableView.class);
        assertThat(table.getColumns()).extracting(TableColumn::getText)
                .contains("Name", "Progress", "Size", "Done", "Speed", "ETA", "State", "Target");
        assertThat(robot.lookup("#add-urls").tryQuery()).isPresent();
        assertThat(robot.lookup("#pause").queryButton().isDisabled()).isTrue();
    }

    @Test
    void pastedUrlIsDownloaded(FxRobot robot) throws Exception {
        app.paste(robot, app.server.url("/files/300000/one.bin"));

        TaskModel row = app.waitForRow("one.bin");
        app.waitForState(row, TaskState.COMPLETED);
        assertThat(Files.readAllBytes(app.downloads.resolve("one.bin"))).isEqualTo(LocalServer.content(300000));
        assertThat(app.message()).contains("1 download started");
    }
}
