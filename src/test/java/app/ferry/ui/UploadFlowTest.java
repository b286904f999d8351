package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.TaskState;
import app.ferry.testing.GeneratedFiles;
import app.ferry.testing.UploadSink;
import app.ferry.ui.settings.UploadMode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drop files → upload dialog → uploads complete against the local server. */
@ExtendWith(ApplicationExtension.class)
class UploadFlowTest {

    @TempDir
    Path temp;
    private Stage stage;
    private GuiFixture app;
    private Path photo;
    private Path report;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) throws Exception {
        app = new GuiFixture(temp);
        app.settings("en", false);
        app.open(robot, stage);
        Path files = Files.createDirectories(temp.resolve("files"));
        photo = Files.write(files.resolve("photo.jpg"), GeneratedFiles.content(150_000));
        report = Files.writeString(files.resolve("报告 2026.txt"), "quarterly numbers\n".repeat(500), StandardCharsets.UTF_8);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        app.close(robot);
    }

    @Test
    void droppedFilesAreUploadedWithRestPutUnderNewNames(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.handleDroppedFiles(List.of(photo, report)));
        fillTarget(robot, app.server.url("/up/"), UploadMode.REST_PUT);
        robot.interact(() -> robot.lookup("#upload-name-0").queryTextInputControl().setText("renamed.jpg"));
        robot.clickOn("#upload-ok");

        app.waitForAll(TaskState.COMPLETED, 2);
        assertThat(app.uploads.uploaded("renamed.jpg")).isEqualTo(Files.readAllBytes(photo));
        assertThat(app.uploads.uploaded("报告 2026.txt")).isEqualTo(Files.readAllBytes(report));

        TaskModel row = app.row(m -> m.name().equals("photo.jpg")).orElseThrow();
        app.select(robot, row);
        String body = robot.lookup("#details-body").queryTextInputControl().getText();
        assertThat(body).contains("renamed.jpg").contains(UploadSink.sha256(Files.readAllBytes(photo)));
        assertThat(GuiFixture.fx(() -> app.vm().settings().settingsProperty().get().upload().recentTargets()))
                .containsExactly(app.server.url("/up/"));
    }

    @Test
    void multipartWithAllFilesInOneTaskAndFoldersRefused(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("holiday"));
        robot.interact(() -> app.window.handleDroppedFiles(List.of(photo, folder, report)));
        assertThat(app.message()).contains("“holiday” is a folder");

        fillTarget(robot, app.server.url("/form"), UploadMode.MULTIPART);
        robot.interact(() -> {
            robot.lookup("#upload-field").queryTextInputControl().setText("attachment");
            robot.lookup("#upload-all-in-one").queryAs(javafx.scene.control.RadioButton.class).setSelected(true);
        });
        robot.clickOn("#upload-add-field");
        robot.interact(() -> {
            robot.lookup("#upload-extra-name-0").queryTextInputControl().setText("album");
            robot.lookup("#upload-extra-value-0").queryTextInputControl().setText("Holiday 2026");
        });
        robot.clickOn("#upload-ok");

        app.waitForAll(TaskState.COMPLETED, 1);
        assertThat(app.uploads.uploaded("photo.jpg")).isEqualTo(Files.readAllBytes(photo));
        assertThat(app.uploads.uploaded("报告 2026.txt")).isEqualTo(Files.readAllBytes(report));
        assertThat(app.uploads.field("album")).isEqualTo("Holiday 2026");
        assertThat(app.uploads.field("field:photo.jpg")).isEqualTo("attachment");

        // The last choices come back the next time.
        robot.interact(() -> app.window.handleDroppedFiles(List.of(photo)));
        assertThat(robot.lookup("#upload-field").queryTextInputControl().getText()).isEqualTo("attachment");
        assertThat(robot.lookup("#upload-extra-value-0").queryTextInputControl().getText()).isEqualTo("Holiday 2026");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> ((javafx.scene.control.Button) n).isCancelButton())
                .queryButton());
    }

    @Test
    void realDragAndDropOpensTheDialogAndUploads(FxRobot robot) throws Exception {
        dragSource(robot, List.of(photo.toFile()));
        robot.drag("#drag-source").dropTo("#transfers");
        fillTarget(robot, app.server.url("/up/dragged.jpg"), UploadMode.PUT_RAW);
        robot.clickOn("#upload-ok");

        app.waitForAll(TaskState.COMPLETED, 1);
        assertThat(app.uploads.uploaded("dragged.jpg")).isEqualTo(Files.readAllBytes(photo));
    }

    /**
     * A test-only label, put into the window's status bar, that puts files on its Dragboard as a
     * file manager would (a Dragboard cannot be made by hand).
     */
    private Label dragSource(FxRobot robot, List<File> files) {
        Label label = new Label("drag me");
        label.setId("drag-source");
        label.setOnDragDetected(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putFiles(files);
            label.startDragAndDrop(TransferMode.COPY).setContent(content);
            event.consume();
        });
        robot.interact(() -> robot.lookup("#status").queryAs(org.controlsfx.control.StatusBar.class).getRightItems().add(label));
        return label;
    }

    private void fillTarget(FxRobot robot, String url, UploadMode mode) {
        GuiFixture.waitUntil(() -> robot.lookup("#upload-url").tryQuery().isPresent());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<UploadMode> modes = robot.lookup("#upload-mode").queryAs(ComboBox.class);
            modes.setValue(mode);
        });
        robot.clickOn("#upload-url");
        robot.interact(() -> robot.lookup("#upload-url").queryAs(ComboBox.class).getEditor().clear());
        robot.write(url);
    }
}
