package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new MainWindow().show(stage);
    }

    @Test
    void opensTitledWindowWithTransferTable(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Ferry");
        TableView<?> table = robot.lookup("#transfers").queryAs(TableView.class);
        assertThat(table.getColumns()).extracting(TableColumn::getText)
                .contains("Name", "Progress", "Size", "Speed", "ETA", "State", "Target");
        assertThat(robot.lookup("#add-urls").tryQuery()).isPresent();
    }
}
