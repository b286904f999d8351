package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.TaskState;
import app.ferry.ui.settings.UploadMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
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

/**
 * Issue 14 items 2 and 4: every action answers; the layout fits at 800×500 and 1440×900 (columns
 * share the width, nothing off screen or overlapping, the sidebar folds away); the details pane
 * only with a selection and foldable; a failed bar says so.
 */
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
    void everythingIsReachableAt800x500AndNothingOverlaps(FxRobot robot) {
        resize(robot, 800, 500);
        // Rejected lines keep messages on screen: they must sit between the toolbar and the table.
        app.paste(robot, "ftp://mirror.example.org/pub/image.iso\nhere are the files\nwww.example.com/file.zip");
        GuiFixture.waitUntil(() -> !app.message().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(GuiFixture.fx(stage::getHeight)).isLessThanOrEqualTo(500);
        assertThat(GuiFixture.fx(stage::getWidth)).isLessThanOrEqualTo(800);
        Bounds window = GuiFixture.fx(() -> new javafx.geometry.BoundingBox(0, 0,
                stage.getScene().getWidth(), stage.getScene().getHeight()));
        List<Node> buttons = GuiFixture.fx(() -> stage.getScene().getRoot().lookupAll(".tool-bar .button").stream()
                .filter(Node::isVisible).toList());
        assertThat(buttons).extracting(Node::getId).contains("toggle-sidebar", "add-urls", "upload", "settings",
                "pause-all", "resume-all", "toggle-details");
        for (Node button : buttons) {
            assertThat(inScene(button)).as(button.getId()).satisfies(b -> within(b, window));
        }
        Node header = stateHeader(robot);
        assertThat(inScene(header)).as("State column header").satisfies(b -> within(b, window));
        assertThat(inScene(robot.lookup("#status").query())).as("status bar").satisfies(b -> within(b, window));

        Bounds messages = inScene(robot.lookup("#message-scroll").query());
        Bounds toolbar = inScene(robot.lookup("#add-urls").query());
        Bounds table = inScene(robot.lookup("#transfers").query());
        assertThat(messages.getMinY()).isGreaterThanOrEqualTo(toolbar.getMaxY());
        assertThat(messages.getMaxY()).isLessThanOrEqualTo(table.getMinY() + 1);
        assertNoHorizontalScrollbar(robot);
    }

    @Test
    void columnsShareTheWidthAt1440x900(FxRobot robot) {
        resize(robot, 1440, 900);
        app.paste(robot, app.server.url("/files/1000/a-file-with-a-rather-long-name-to-show.bin"));
        app.waitForRow("a-file-with-a-rather-long-name-to-show.bin");
        WaitForAsyncUtils.waitForFxEvents();
        assertNoHorizontalScrollbar(robot);
        TableView<?> table = robot.lookup("#transfers").queryAs(TableView.class);
        TableColumn<?, ?> name = GuiFixture.fx(() -> table.getColumns().get(1));
        // The name, the column people read, is never squeezed below what it asks for in a wide window.
        assertThat(GuiFixture.fx(name::getWidth)).isGreaterThanOrEqualTo(GuiFixture.fx(name::getPrefWidth));
        Bounds target = inScene(robot.lookup(".column-header").queryAll().stream()
                .filter(n -> "target".equals(n.getId())).findFirst().orElseThrow());
        assertThat(target.getMaxX()).isLessThanOrEqualTo(inScene(table).getMaxX());
    }

    @Test
    void numbersShowWholeWhileNamesGiveUpRoomAt1180x720WithTheSidebar(FxRobot robot) {
        resize(robot, 1180, 720);
        assertThat(robot.lookup("#sidebar").tryQuery()).isPresent();
        app.paste(robot, app.server.url("/slow/268435456/a-big-image-with-a-long-name.iso"));
        TaskModel row = app.waitForRow("a-big-image-with-a-long-name.iso");
        GuiFixture.waitUntil(() -> row.sizeProperty().get() == 268435456L && row.speedProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertNoHorizontalScrollbar(robot);
        // "256.0 MiB" and the speed whole, not "256.0 …": the name and the target gave up room first.
        for (String column : List.of("size", "speed")) {
            GuiFixture.waitUntil(() -> {
                List<javafx.scene.control.TableCell<?, ?>> cells = cells(robot, column);
                return !cells.isEmpty() && cells.stream().allMatch(LayoutFlowTest::showsItsWholeText);
            });
        }
        assertThat(GuiFixture.fx(() -> cells(robot, "size").getFirst().getText())).isEqualTo("256.0 MiB");
    }

    /** The filled cells of the column with {@code id}. */
    private static List<javafx.scene.control.TableCell<?, ?>> cells(FxRobot robot, String id) {
        TableView<?> table = robot.lookup("#transfers").queryAs(TableView.class);
        return GuiFixture.fx(() -> table.lookupAll(".table-cell").stream()
                .<javafx.scene.control.TableCell<?, ?>>map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && id.equals(c.getTableColumn().getId()))
                .filter(c -> c.getText() != null && !c.getText().isEmpty())
                .toList());
    }

    /** The text the skin draws is the cell's whole text (a cut one ends in "…"). */
    private static boolean showsItsWholeText(javafx.scene.control.TableCell<?, ?> cell) {
        return GuiFixture.fx(() -> cell.lookupAll(".text").stream()
                .filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText())
                .anyMatch(cell.getText()::equals));
    }

    @Test
    void aColumnTheUserWidensKeepsItsWidthAndTheOthersMakeRoom(FxRobot robot) {
        resize(robot, 1180, 720);
        TableView<?> table = robot.lookup("#transfers").queryAs(TableView.class);
        robot.interact(() -> table.getColumns().get(1).setPrefWidth(340));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(GuiFixture.fx(() -> table.getColumns().get(1).getWidth())).isEqualTo(340);
        assertNoHorizontalScrollbar(robot);
        // A narrower window still keeps it, as far as the other columns' minimums allow.
        resize(robot, 1100, 720);
        assertThat(GuiFixture.fx(() -> table.getColumns().get(1).getWidth())).isEqualTo(340);
        assertNoHorizontalScrollbar(robot);
        assertThat(GuiFixture.fx(() -> table.getColumns().stream().allMatch(c -> c.getWidth() >= c.getMinWidth())))
                .isTrue();
    }

    @Test
    void theSidebarFoldsAwayWhenNarrowAndComesBackOnAsk(FxRobot robot) {
        resize(robot, 1180, 720);
        assertThat(robot.lookup("#sidebar").tryQuery()).isPresent();
        resize(robot, 800, 500);
        GuiFixture.waitUntil(() -> stage.getScene().lookup("#sidebar") == null);
        robot.clickOn("#toggle-sidebar");
        GuiFixture.waitUntil(() -> stage.getScene().lookup("#sidebar") != null);
        robot.clickOn("#toggle-sidebar");
        GuiFixture.waitUntil(() -> stage.getScene().lookup("#sidebar") == null);
        // Ctrl+F brings it back with the cursor in the search field.
        robot.clickOn("#transfers");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        GuiFixture.waitUntil(() -> stage.getScene().lookup("#sidebar") != null
                && stage.getScene().getFocusOwner() != null && "search".equals(stage.getScene().getFocusOwner().getId()));
        resize(robot, 1180, 720);
        assertThat(robot.lookup("#sidebar").tryQuery()).isPresent();
    }

    @Test
    void theDetailsPaneFoldsAwayWithASelectionToo(FxRobot robot) {
        app.paste(robot, app.server.url("/files/1000/details.bin"));
        TaskModel row = app.waitForRow("details.bin");
        app.select(robot, row);
        GuiFixture.waitUntil(() -> stage.getScene().lookup("#details") != null);
        robot.clickOn("#toggle-details");
        GuiFixture.waitUntil(() -> stage.getScene().lookup("#details") == null);
        app.select(robot, row);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#details").tryQuery()).isEmpty();
        robot.clickOn("#toggle-details");
        GuiFixture.waitUntil(() -> stage.getScene().lookup("#details") != null);
    }

    @Test
    void theUploadDialogShowsEveryFileWithItsNewNameWhole(FxRobot robot) throws Exception {
        List<Path> files = List.of(Files.writeString(temp.resolve("first.txt"), "1"),
                Files.writeString(temp.resolve("second.txt"), "2"), Files.writeString(temp.resolve("third.txt"), "3"));
        robot.interact(() -> app.window.handleDroppedFiles(files));
        GuiFixture.waitUntil(() -> robot.lookup("#upload-mode").tryQuery().isPresent());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<UploadMode> modes =
                    robot.lookup("#upload-mode").queryAs(javafx.scene.control.ComboBox.class);
            modes.setValue(UploadMode.REST_PUT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // What the file list's scroll pane shows of its rows: its viewport.
        Node viewport = GuiFixture.fx(() -> {
            Node node = robot.lookup("#upload-name-0").query();
            while (!(node instanceof javafx.scene.control.ScrollPane)) {
                node = node.getParent();
            }
            return node.lookup(".viewport");
        });
        Bounds shown = onScreen(viewport);
        for (int i = 0; i < files.size(); i++) {
            Node name = robot.lookup("#upload-name-" + i).query();
            assertThat(onScreen(name)).as("new name of file " + i).satisfies(b -> within(b, shown));
            assertThat(GuiFixture.fx(() -> name.getLayoutBounds().getWidth())).isGreaterThanOrEqualTo(160);
        }
        robot.interact(() -> robot.lookup("#upload-dialog").queryAs(javafx.scene.control.DialogPane.class)
                .getScene().getWindow().hide());
    }

    @Test
    void settingsLabelsKeepAMarginFromTheDialogsEdge(FxRobot robot) {
        robot.clickOn("#settings");
        GuiFixture.waitUntil(() -> robot.lookup("#settings-folder").tryQuery().isPresent());
        Node folder = robot.lookup("#settings-folder").query();
        Node label = GuiFixture.fx(() -> ((javafx.scene.layout.GridPane) folder.getParent().getParent()).getChildren()
                .getFirst());
        assertThat(GuiFixture.fx(() -> label.localToScene(label.getLayoutBounds()).getMinX())).isGreaterThanOrEqualTo(12);
        robot.interact(() -> folder.getScene().getWindow().hide());
    }

    private static Bounds onScreen(Node node) {
        return GuiFixture.fx(() -> node.localToScreen(node.getLayoutBounds()));
    }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds inScene(Node node) {
        return GuiFixture.fx(() -> node.localToScene(node.getLayoutBounds()));
    }

    private static void within(Bounds inner, Bounds outer) {
        assertThat(inner.getMinX()).isGreaterThanOrEqualTo(outer.getMinX());
        assertThat(inner.getMinY()).isGreaterThanOrEqualTo(outer.getMinY());
        assertThat(inner.getMaxX()).isLessThanOrEqualTo(outer.getMaxX());
        assertThat(inner.getMaxY()).isLessThanOrEqualTo(outer.getMaxY());
    }

    private static Node stateHeader(FxRobot robot) {
        return GuiFixture.fx(() -> robot.lookup(".column-header").queryAll().stream()
                .filter(n -> "state".equals(n.getId())).findFirst().orElseThrow());
    }

    private static void assertNoHorizontalScrollbar(FxRobot robot) {
        TableView<?> table = robot.lookup("#transfers").queryAs(TableView.class);
        List<Node> bars = GuiFixture.fx(() -> table.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL
                        && bar.isVisible())
                .toList());
        assertThat(bars).as("horizontal scrollbars on the table").isEmpty();
        double columns = GuiFixture.fx(() -> table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum());
        assertThat(columns).isLessThanOrEqualTo(GuiFixture.fx(table::getWidth));
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
        // Its label in the danger color too: the style that says so must apply (no sibling selector).
        assertThat(GuiFixture.fx(() -> stage.getScene().getRoot().lookupAll(".progress-percent.failed").size())).isEqualTo(1);
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
