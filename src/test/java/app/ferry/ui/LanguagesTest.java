package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window renders in both languages, with no missing keys on screen. */
@ExtendWith(ApplicationExtension.class)
class LanguagesTest {

    @TempDir
    Path temp;
    private Stage stage;
    private GuiFixture app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        app.close(robot);
    }

    @Test
    void simplifiedChinese(FxRobot robot) throws Exception {
        open(robot, "zh-CN");
        assertThat(robot.lookup("#add-urls").queryButton().getText()).isEqualTo("添加链接");
        assertThat(columns(robot)).contains("名称", "进度", "速度", "剩余时间", "状态");
        assertThat(GuiFixture.fx(() -> app.vm().list().statusTextProperty().get())).contains("个进行中");
        app.paste(robot, "没有链接");
        assertThat(app.message()).contains("没有找到");
        assertNoMissingKeys(robot);
    }

    @Test
    void english(FxRobot robot) throws Exception {
        open(robot, "en");
        assertThat(robot.lookup("#add-urls").queryButton().getText()).isEqualTo("Add URLs");
        assertThat(columns(robot)).contains("Name", "Progress", "Speed", "ETA", "State");
        assertNoMissingKeys(robot);
    }

    private void open(FxRobot robot, String language) throws Exception {
        app = new GuiFixture(temp);
        app.settings(language, false);
        app.open(robot, stage);
    }

    private static java.util.List<String> columns(FxRobot robot) {
        TableView<?> table = robot.lookup("#transfers").queryAs(TableView.class);
        return table.getColumns().stream().map(TableColumn::getText).toList();
    }

    private static void assertNoMissingKeys(FxRobot robot) {
        assertThat(robot.lookup(".labeled").queryAllAs(javafx.scene.control.Labeled.class))
                .extracting(javafx.scene.control.Labeled::getText)
                .noneMatch(text -> text != null && text.startsWith("!") && text.endsWith("!"));
    }
}
