package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.TaskState;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import javafx.application.Platform;
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

/** The scheduler through the settings, and no tray where there is none (clipboard monitoring: ClipboardFlowTest). */
@ExtendWith(ApplicationExtension.class)
class AutomationFlowTest {

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
    void scheduleSetInSettingsPausesAllWhenItsTimeComes(FxRobot robot) throws Exception {
        // The toolbar places its buttons in its first layout pass: click once it has run.
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#settings");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#settings-stop-at").write("23:30");
        robot.clickOn("#settings-start-at").write("25:00");
        assertThat(GuiFixture.fx(() -> robot.lookup("#settings-ok").queryButton().isDisabled()))
                .as("not a time: cannot be saved").isTrue();
        robot.interact(() -> robot.lookup("#settings-start-at").queryTextInputControl().setText("6:00"));
        robot.clickOn("#settings-ok");
        Settings.Automation saved = new SettingsStore(app.dataDir, app.downloads).load().settings().automation();
        assertThat(saved.startAt()).isEqualTo("06:00");
        assertThat(saved.stopAt()).isEqualTo("23:30");

        app.paste(robot, app.server.url("/slow/50000000/night.bin"));
        TaskModel row = app.waitForRow("night.bin");
        app.waitForState(row, TaskState.RUNNING);
        robot.interact(() -> app.vm().schedule().tick(LocalDateTime.of(2026, 12, 4, 23, 29, 59)));
        robot.interact(() -> app.vm().schedule().tick(LocalDateTime.of(2026, 12, 4, 23, 30, 0)));
        app.waitForState(row, TaskState.PAUSED);
        robot.interact(() -> app.vm().schedule().tick(LocalDateTime.of(2026, 12, 5, 6, 0, 1)));
        app.waitForState(row, TaskState.RUNNING);
    }

    @Test
    void withoutATrayTheWindowWorksAsBefore(FxRobot robot) {
        // Headless CI: no tray, so no icon, no error, and the app's exit rule left as it was
        // (TestFX sets its own; a tray would turn implicit exit off).
        boolean implicitExit = GuiFixture.fx(Platform::isImplicitExit);
        Optional<StatusTray> tray = GuiFixture.fx(() -> StatusTray.install(stage, app.vm(), () -> { }));
        assertThat(tray).isEmpty();
        assertThat(GuiFixture.fx(Platform::isImplicitExit)).isEqualTo(implicitExit);
        app.paste(robot, app.server.url("/files/1000/still-works.bin"));
        app.waitForState(app.waitForRow("still-works.bin"), TaskState.COMPLETED);
    }
}
