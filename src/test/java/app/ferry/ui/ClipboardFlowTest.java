package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.TaskState;
import app.ferry.testing.GeneratedFiles;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Clipboard monitoring: off by default; when on, a copied link is offered, and downloaded only when asked. */
@ExtendWith(ApplicationExtension.class)
class ClipboardFlowTest {

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

    private static void copy(FxRobot robot, String text) {
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    private boolean offerShown(FxRobot robot) {
        return GuiFixture.fx(() -> robot.lookup("#offer-bar").query().isVisible());
    }

    @Test
    void copiedLinkIsOfferedOnlyWhenOnAndDownloadedOnlyWhenAsked(FxRobot robot) throws Exception {
        String zip = app.server.url("/files/30000/offered.zip");
        copy(robot, zip);
        // What the once-a-second look at the clipboard hands the watch: no offer while it is off.
        robot.interact(() -> app.vm().clipboardWatch().seen(zip));
        assertThat(offerShown(robot)).as("off by default").isFalse();

        robot.interact(() -> app.vm().settings().applySettings(app.vm().settings().settingsProperty().get()
                .withAutomation(new Settings.Automation(true, null, null))));
        copy(robot, app.server.url("/files/30000/ignored.iso"));
        GuiFixture.waitUntil(() -> robot.lookup("#offer-bar").query().isVisible());
        assertThat(GuiFixture.fx(() -> robot.lookup("#offer-text").queryLabeled().getText())).contains("ignored.iso");
        robot.clickOn("#offer-ignore");
        GuiFixture.waitUntil(() -> !robot.lookup("#offer-bar").query().isVisible());

        copy(robot, zip);
        GuiFixture.waitUntil(() -> robot.lookup("#offer-bar").query().isVisible());
        // Offered, not downloaded: nothing in the list until the user says so.
        assertThat(app.rows()).isEmpty();
        robot.clickOn("#offer-download");
        TaskModel row = app.waitForRow("offered.zip");
        app.waitForState(row, TaskState.COMPLETED);
        assertThat(Files.readAllBytes(app.downloads.resolve("offered.zip"))).isEqualTo(GeneratedFiles.content(30000));
        assertThat(app.rows()).hasSize(1);
        // A page is not a file to download.
        String page = app.server.url("/index.html");
        copy(robot, page);
        robot.interact(() -> app.vm().clipboardWatch().seen(page));
        assertThat(offerShown(robot)).isFalse();
        assertThat(new SettingsStore(app.dataDir, app.downloads).load().settings().automation().watchClipboard()).isTrue();
    }
}
