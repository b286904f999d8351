package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.TaskState;
import app.ferry.testing.GeneratedFiles;
import app.ferry.ui.settings.UploadMode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An upload whose every byte is sent while the server still holds its answer: the row says it
 * waits for the server, its bar moves without claiming 100 %, speed and ETA are blank; only the
 * answer makes it Completed, or Failed with the server's reason.
 */
@ExtendWith(ApplicationExtension.class)
class UploadWaitFlowTest {

    private static final Duration HOLD = Duration.ofSeconds(30);
    private static final String REFUSAL = "disk full while storing the upload";
    private static final int SIZE = 3 * 1024 * 1024 + 7;

    @TempDir
    Path temp;
    private Stage stage;
    private GuiFixture app;
    /** Opened when the server has read a whole body and holds its answer. */
    private final CountDownLatch bodyRead = new CountDownLatch(1);
    /** Opened by the test to let the server answer. */
    private final CountDownLatch answer = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        answer.countDown();
        if (app != null) {
            app.close(robot);
        }
    }

    private Path open(FxRobot robot, String language) throws Exception {
        app = new GuiFixture(temp);
        app.settings(language, false);
        app.server.servlet("/answer-later/*", answering(201, "stored")).servlet("/refuse/*", answering(500, REFUSAL));
        app.open(robot, stage);
        Path files = Files.createDirectories(temp.resolve("files"));
        return Files.write(files.resolve("film.mkv"), GeneratedFiles.content(SIZE));
    }

    /** Reads the whole body, then holds its answer until the test opens {@link #answer}. */
    private HttpServlet answering(int status, String text) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                request.getInputStream().readAllBytes();
                bodyRead.countDown();
                try {
                    if (!answer.await(HOLD.toSeconds(), TimeUnit.SECONDS)) {
                        throw new IOException("the test never let the server answer");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                response.setStatus(status);
                response.setContentType("text/plain");
                response.getWriter().write(text);
            }
        };
    }

    private void awaitBodyRead() throws InterruptedException {
        assertThat(bodyRead.await(HOLD.toSeconds(), TimeUnit.SECONDS)).as("the server read the whole body").isTrue();
    }

    @Test
    void aRowWaitingForTheServerSaysSoAndIsCompletedOnlyByTheAnswer(FxRobot robot) throws Exception {
        Path film = open(robot, "en");
        upload(robot, film, app.server.url("/answer-later/film.mkv"), UploadMode.PUT_RAW);

        awaitBodyRead();
        TaskModel row = app.waitForRow("film.mkv");
        List<TaskState> states = statesOf(row);
        GuiFixture.waitUntil(() -> "Waiting for server".equals(stateText()));

        assertThat(GuiFixture.fx(() -> row.state())).isEqualTo(TaskState.RUNNING);
        assertThat(GuiFixture.fx(() -> cell("done").getText())).isEqualTo(Formats.bytes(SIZE));
        assertThat(percent()).as("every byte is sent, but it is not done").isEqualTo("99 %");
        assertThat(GuiFixture.fx(() -> bar().isIndeterminate())).as("a busy bar, not a full one").isTrue();
        assertThat(GuiFixture.fx(() -> cell("speed").getText())).as("no stale speed").isNullOrEmpty();
        assertThat(GuiFixture.fx(() -> cell("eta").getText())).as("no ETA of 0:00").isNullOrEmpty();
        assertThat(GuiFixture.fx(() -> cell("state").getTooltip().getText())).contains("has not answered yet");
        assertThat(states).doesNotContain(TaskState.COMPLETED);
        app.select(robot, row);
        assertThat(robot.lookup("#details-status").queryTextInputControl().getText()).isEqualTo("Waiting for server");

        answer.countDown();
        app.waitForState(row, TaskState.COMPLETED);
        GuiFixture.waitUntil(() -> "Completed".equals(stateText()));
        GuiFixture.waitUntil(() -> robot.lookup("#details-status").queryTextInputControl().getText()
                .equals("Completed · HTTP 201"));
        assertThat(percent()).isEqualTo("100 %");
        assertThat(GuiFixture.fx(() -> bar().isIndeterminate())).isFalse();
    }

    @Test
    void inChineseTheWaitIsSaidInChineseAndA500AfterItFailsWithTheServersReason(FxRobot robot) throws Exception {
        Path film = open(robot, "zh-CN");
        upload(robot, film, app.server.url("/refuse/form"), UploadMode.MULTIPART);

        awaitBodyRead();
        TaskModel row = app.waitForRow("film.mkv");
        List<TaskState> states = statesOf(row);
        GuiFixture.waitUntil(() -> "等待服务器响应".equals(stateText()));
        assertThat(percent()).isEqualTo("99 %");
        assertThat(GuiFixture.fx(() -> cell("state").getTooltip().getText())).contains("服务器尚未响应");

        answer.countDown();
        app.waitForState(row, TaskState.FAILED);
        GuiFixture.waitUntil(() -> stateText() != null && stateText().startsWith("失败"));
        assertThat(GuiFixture.fx(() -> cell("state").getText())).contains(REFUSAL).contains("500");
        assertThat(percent()).isEqualTo("失败").doesNotContain("100");
        assertThat(states).doesNotContain(TaskState.COMPLETED);
    }

    /** Every state the row shows from now on, recorded on the FX thread. */
    private static List<TaskState> statesOf(TaskModel row) {
        List<TaskState> states = new CopyOnWriteArrayList<>();
        GuiFixture.fx(() -> {
            states.add(row.state());
            row.stateProperty().addListener((o, was, now) -> states.add(now));
            return null;
        });
        return states;
    }

    /** The one row's cell of the column with {@code id}; FX thread. */
    private TableCell<?, ?> cell(String id) {
        return filledCell(id).orElseThrow(() -> new AssertionError("no filled cell in column " + id));
    }

    private java.util.Optional<TableCell<?, ?>> filledCell(String id) {
        TableView<?> table = (TableView<?>) stage.getScene().lookup("#transfers");
        return table.lookupAll(".table-cell").stream()
                .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && id.equals(c.getTableColumn().getId()))
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() != null)
                .findFirst();
    }

    /** The State cell's text, or null before the row is drawn; FX thread. */
    private String stateText() {
        return filledCell("state").map(TableCell::getText).orElse(null);
    }

    private String percent() {
        return GuiFixture.fx(() -> ((Label) cell("progress").lookup(".progress-percent")).getText());
    }

    private ProgressBar bar() {
        return (ProgressBar) cell("progress").lookup(".progress-bar");
    }

    private void upload(FxRobot robot, Path file, String url, UploadMode mode) {
        robot.interact(() -> app.window.handleDroppedFiles(List.of(file)));
        GuiFixture.waitUntil(() -> robot.lookup("#upload-url").tryQuery().isPresent());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<UploadMode> modes = robot.lookup("#upload-mode").queryAs(ComboBox.class);
            modes.setValue(mode);
        });
        robot.clickOn("#upload-url");
        robot.interact(() -> robot.lookup("#upload-url").queryAs(ComboBox.class).getEditor().clear());
        robot.write(url);
        robot.clickOn("#upload-ok");
    }
}
