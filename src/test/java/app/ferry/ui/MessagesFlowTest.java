package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.TaskState;
import app.ferry.testing.ErrorPage;
import app.ferry.testing.GeneratedFiles;
import app.ferry.ui.settings.UploadMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
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

/** Issue 14 item 1: every pasted line is accounted for on screen; messages stay until dismissed or untrue; notices show no markup. */
@ExtendWith(ApplicationExtension.class)
class MessagesFlowTest {

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
        app.settings("en", true);
        app.open(robot, stage);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        app.close(robot);
    }

    @Test
    void everyLineOfAMixedPasteIsAccountedForOnScreen(FxRobot robot) {
        String good = app.server.url("/files/20000/good.bin");
        String duplicate = app.server.url("/files/10000/dup.bin");
        String missing = app.server.url("/nowhere/missing.bin");
        app.paste(robot, duplicate);
        app.waitForState(app.waitForRow("dup.bin"), TaskState.COMPLETED);

        app.paste(robot, String.join("\n", good, duplicate, missing, "ftp://example.com/file.iso",
                "please download these by Friday", "mailto:someone@example.com", "www.example.com/file.zip"));

        waitForMessage(robot, "downloads started");
        String shown = visibleMessageText(robot);
        assertThat(shown).contains("2 downloads started")
                .contains("Already in the list").contains(duplicate)
                .contains("ftp://example.com/file.iso").contains("not an http or https URL")
                .contains("please download these by Friday").contains("not a link")
                .contains("mailto:someone@example.com")
                .contains("www.example.com/file.zip").contains("add http://");
        // The 404 is a row of its own that says why it failed.
        TaskModel row = app.waitForRow("missing.bin");
        app.waitForState(row, TaskState.FAILED);
        GuiFixture.waitUntil(() -> tableTextNow(robot).contains("HTTP 404 Not Found"));
        assertThat(app.waitForRow("good.bin")).isNotNull();

        // Later messages (the first paste's, the notices) never replace the paste's report.
        assertThat(visibleMessageText(robot)).contains("not a link").contains("add http://");
    }

    @Test
    void messagesStayUntilDismissedAndAreBelowTheToolbar(FxRobot robot) {
        app.paste(robot, "ftp://example.com/a.iso");
        app.paste(robot, "ftp://example.com/b.iso");
        GuiFixture.waitUntil(() -> messageTextNow(robot).contains("b.iso"));
        assertThat(visibleMessageText(robot)).contains("a.iso").contains("b.iso");

        Node area = robot.lookup("#message-scroll").query();
        Node table = robot.lookup("#transfers").query();
        Node toolbar = robot.lookup(".tool-bar").query();
        double areaTop = GuiFixture.fx(() -> area.localToScene(area.getBoundsInLocal()).getMinY());
        double areaBottom = GuiFixture.fx(() -> area.localToScene(area.getBoundsInLocal()).getMaxY());
        double toolbarBottom = GuiFixture.fx(() -> toolbar.localToScene(toolbar.getBoundsInLocal()).getMaxY());
        double tableTop = GuiFixture.fx(() -> table.localToScene(table.getBoundsInLocal()).getMinY());
        assertThat(areaTop).isGreaterThanOrEqualTo(toolbarBottom - 0.5);
        assertThat(tableTop).isGreaterThanOrEqualTo(areaBottom - 0.5);

        robot.clickOn(robot.lookup(".message-close").nth(0).queryButton());
        assertThat(visibleMessageText(robot)).doesNotContain("a.iso").contains("b.iso");
    }

    @Test
    void credentialsMessageGoesOnceTheTaskNoLongerNeedsThem(FxRobot robot) {
        app.paste(robot, app.server.url("/secret/20000/private.bin"));
        TaskModel row = app.waitForRow("private.bin");
        app.waitForState(row, TaskState.NEEDS_CREDENTIALS);
        GuiFixture.waitUntil(() -> app.window.messageArea().visibleText().contains("needs a user name and password"));

        robot.interact(() -> app.vm().selection().provideCredentials(row, "ferry", "secret"));
        app.waitForState(row, TaskState.COMPLETED);
        GuiFixture.waitUntil(() -> !app.window.messageArea().visibleText().contains("needs a user name and password"));
    }

    @Test
    void aServersHtmlErrorPageBecomesAPlainNotice(FxRobot robot) throws Exception {
        Path file = Files.write(temp.resolve("photo.jpg"), GeneratedFiles.content(5000));
        robot.interact(() -> app.window.handleDroppedFiles(List.of(file)));
        GuiFixture.waitUntil(() -> robot.lookup("#upload-url").tryQuery().isPresent());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<UploadMode> modes = robot.lookup("#upload-mode").queryAs(ComboBox.class);
            modes.setValue(UploadMode.PUT_RAW);
            robot.lookup("#upload-url").queryAs(ComboBox.class).getEditor().setText(app.server.url("/broken/photo.jpg"));
        });
        robot.clickOn("#upload-ok");
        TaskModel row = app.waitForRow("photo.jpg");
        app.waitForState(row, TaskState.FAILED);

        GuiFixture.waitUntil(() -> !robot.lookup(".notice").queryAll().isEmpty());
        String notice = GuiFixture.fx(() -> robot.lookup(".notice").queryAll().stream()
                .flatMap(n -> robot.from(n).lookup(".label").queryAll().stream())
                .map(n -> ((Labeled) n).getText()).reduce("", (a, b) -> a + "\n" + b));
        assertThat(notice).contains("photo.jpg").contains("HTTP 404 Not Found").contains(ErrorPage.TITLE)
                .doesNotContain("<").doesNotContain(">");
        // No markup anywhere in the window's labels; the whole page stays in the details pane.
        assertThat(allLabelText(robot)).doesNotContain("<");
        app.select(robot, row);
        assertThat(robot.lookup("#details-body").queryTextInputControl().getText()).contains("<title>");
    }

    @Test
    void noticesStackWithoutOverlapInsideTheWindow(FxRobot robot) {
        for (int i = 0; i < 3; i++) {
            app.paste(robot, app.server.url("/files/1000/n" + i + ".bin"));
        }
        app.waitForAll(TaskState.COMPLETED, 3);
        GuiFixture.waitUntil(() -> robot.lookup(".notice").queryAll().size() == 3);
        org.testfx.util.WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<javafx.geometry.Bounds> bounds = GuiFixture.fx(() -> robot.lookup(".notice").queryAll().stream()
                .map(n -> n.localToScene(n.getLayoutBounds())).toList());
        double width = GuiFixture.fx(() -> stage.getScene().getWidth());
        double height = GuiFixture.fx(() -> stage.getScene().getHeight());
        for (int i = 0; i < bounds.size(); i++) {
            assertThat(bounds.get(i).getMinX()).isGreaterThanOrEqualTo(0);
            assertThat(bounds.get(i).getMaxX()).isLessThanOrEqualTo(width);
            assertThat(bounds.get(i).getMaxY()).isLessThanOrEqualTo(height);
            for (int j = i + 1; j < bounds.size(); j++) {
                assertThat(bounds.get(i).intersects(bounds.get(j))).as("notices %d and %d overlap: %s", i, j, bounds).isFalse();
            }
        }
    }

    private void waitForMessage(FxRobot robot, String text) {
        try {
            GuiFixture.waitUntil(() -> messageTextNow(robot).contains(text));
        } catch (AssertionError e) {
            throw new AssertionError("No \"" + text + "\" in the messages: " + visibleMessageText(robot) + " / " + app.message() + " / rows " + app.rows().size(), e);
        }
    }

    private String visibleMessageText(FxRobot robot) {
        return GuiFixture.fx(() -> messageTextNow(robot));
    }

    /** FX thread: the texts of the message area's lines. */
    private static String messageTextNow(FxRobot robot) {
        return robot.lookup(".message-text").queryAll().stream()
                .map(n -> ((Labeled) n).getText()).reduce("", (a, b) -> a + "\n" + b);
    }

    private String allLabelText(FxRobot robot) {
        return GuiFixture.fx(() -> robot.lookup(".label").queryAll().stream().filter(Node::isVisible)
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).reduce("", (a, b) -> a + "\n" + b));
    }

    /** FX thread: the texts of the table's visible cells. */
    private static String tableTextNow(FxRobot robot) {
        TableView<?> table = robot.lookup("#transfers").queryAs(TableView.class);
        return robot.from(table).lookup(".table-cell").queryAll().stream()
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).reduce("", (a, b) -> a + "\n" + b);
    }
}
