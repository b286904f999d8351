package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.TaskState;
import app.ferry.testing.GeneratedFiles;
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
        assertThat(Files.readAllBytes(app.downloads.resolve("one.bin"))).isEqualTo(GeneratedFiles.content(300000));
        assertThat(app.message()).contains("1 download started");
    }

    @Test
    void severalUrlsInProseAreDownloadedAndDuplicatesSkipped(FxRobot robot) throws Exception {
        String a = app.server.url("/files/100000/a.bin");
        String b = app.server.url("/files/200000/b.bin");
        String c = app.server.url("/files/50000/c.bin");
        app.paste(robot, "Here are the files: " + a + ", and\n" + b + "\t(mirror " + c + ").\n下载：" + a + "，谢谢");

        app.waitForAll(TaskState.COMPLETED, 3);
        assertThat(Files.readAllBytes(app.downloads.resolve("b.bin"))).isEqualTo(GeneratedFiles.content(200000));
        assertThat(Files.readAllBytes(app.downloads.resolve("c.bin"))).isEqualTo(GeneratedFiles.content(50000));

        app.paste(robot, a);
        assertThat(app.message()).contains("Already in the list").contains(a);
        assertThat(app.rows()).hasSize(3);
    }

    @Test
    void invalidPasteExplainsWhatWasRefused(FxRobot robot) {
        app.paste(robot, "see ftp://example.com/file.iso or http://bad_host.example/x");
        assertThat(app.message()).contains("Not added (2)")
                .contains("ftp://example.com/file.iso").contains("not an http or https URL")
                .contains("http://bad_host.example/x").contains("invalid host name");
        assertThat(app.rows()).isEmpty();

        app.paste(robot, "no links here, just words");
        assertThat(app.message()).contains("No http:// or https:// link found");
        assertThat(app.rows()).isEmpty();
    }

    @Test
    void ctrlVInATextFieldPastesIntoTheFieldOnly(FxRobot robot) {
        robot.interact(() -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(app.server.url("/files/10/x.bin"));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn("#add-urls");
        robot.lookup("#add-urls-text").queryAs(javafx.scene.control.TextArea.class);
        robot.interact(() -> robot.lookup("#add-urls-text").queryAs(javafx.scene.control.TextArea.class).clear());
        robot.clickOn("#add-urls-text");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.V)
                .release(javafx.scene.input.KeyCode.V, javafx.scene.input.KeyCode.CONTROL);
        assertThat(robot.lookup("#add-urls-text").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo(app.server.url("/files/10/x.bin"));
        assertThat(app.rows()).isEmpty();

        robot.clickOn("#add-ok");
        TaskModel row = app.waitForRow("x.bin");
        app.waitForState(row, TaskState.COMPLETED);
    }

    @Test
    void removeAsksAndCanDeleteTheFile(FxRobot robot) {
        app.paste(robot, app.server.url("/files/4096/gone.bin"));
        TaskModel row = app.waitForRow("gone.bin");
        app.waitForState(row, TaskState.COMPLETED);
        assertThat(app.downloads.resolve("gone.bin")).exists();

        app.select(robot, row);
        assertThat(robot.lookup("#open-file").queryButton().isDisabled()).isFalse();
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertThat(app.opened).containsExactly(app.downloads.resolve("gone.bin").toString());

        robot.type(javafx.scene.input.KeyCode.DELETE);
        robot.clickOn("#remove-delete");
        GuiFixture.waitUntil(() -> app.vm().list().tasks().isEmpty());
        assertThat(app.downloads.resolve("gone.bin")).doesNotExist();
    }

    @Test
    void spaceTogglesAndButtonsFollowTheState(FxRobot robot) {
        app.paste(robot, app.server.url("/held/2000000/toggle.bin"));
        TaskModel row = app.waitForRow("toggle.bin");
        app.waitForState(row, TaskState.RUNNING);
        app.select(robot, row);
        GuiFixture.waitUntil(() -> !robot.lookup("#pause").queryButton().isDisabled());
        assertThat(robot.lookup("#resume").queryButton().isDisabled()).isTrue();

        robot.type(javafx.scene.input.KeyCode.SPACE);
        app.waitForState(row, TaskState.PAUSED);
        GuiFixture.waitUntil(() -> robot.lookup("#pause").queryButton().isDisabled()
                && !robot.lookup("#resume").queryButton().isDisabled());

        app.files.release();
        robot.type(javafx.scene.input.KeyCode.SPACE);
        app.waitForState(row, TaskState.COMPLETED);
    }

    @Test
    void credentialsAreAskedForAndTheDownloadContinues(FxRobot robot) throws Exception {
        app.paste(robot, app.server.url("/secret/20000/private.bin"));
        TaskModel row = app.waitForRow("private.bin");
        app.waitForState(row, TaskState.NEEDS_CREDENTIALS);
        app.select(robot, row);
        // The notice comes in the pass after the state (notices wait while a paste is being added).
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> app.message().contains("needs a user name and password"));
        assertThat(app.message()).contains("needs a user name and password");

        // The 401 opens the prompt by itself (issue 14): no need to find the Credentials button.
        GuiFixture.waitUntil(() -> robot.lookup("#credentials-user").tryQuery().isPresent());
        robot.clickOn("#credentials-user").write("ferry");
        robot.clickOn("#credentials-password").write("secret");
        robot.clickOn("#credentials-ok");
        app.waitForState(row, TaskState.COMPLETED);
        assertThat(Files.readAllBytes(app.downloads.resolve("private.bin"))).isEqualTo(GeneratedFiles.content(20000));
    }

    @Test
    void oneServerAsksOnceForAllItsTasksAndARefusedPasswordIsSaid(FxRobot robot) throws Exception {
        app.paste(robot, String.join("\n", app.server.url("/secret/1000/a.bin"), app.server.url("/secret/2000/b.bin"),
                app.server.url("/secret/3000/c.bin")));
        app.waitForAll(TaskState.NEEDS_CREDENTIALS, 3);
        GuiFixture.waitUntil(() -> robot.lookup("#credentials-user").tryQuery().isPresent());
        assertThat(robot.lookup("#credentials-dialog").queryAll()).hasSize(1);

        robot.clickOn("#credentials-user").write("ferry");
        robot.clickOn("#credentials-password").write("wrong");
        robot.clickOn("#credentials-ok");
        // Refused: asked again, once, and the prompt says the password was refused.
        GuiFixture.waitUntil(() -> robot.lookup("#credentials-dialog").tryQuery().isPresent()
                && robot.lookup("#credentials-dialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText()
                        .contains("refused"));
        assertThat(robot.lookup("#credentials-dialog").queryAll()).hasSize(1);
        robot.clickOn("#credentials-user").write("ferry");
        robot.clickOn("#credentials-password").write("secret");
        robot.clickOn("#credentials-ok");
        app.waitForAll(TaskState.COMPLETED, 3);
        assertThat(Files.readAllBytes(app.downloads.resolve("c.bin"))).isEqualTo(GeneratedFiles.content(3000));
    }
}
