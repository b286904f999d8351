package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.TaskState;
import app.ferry.handoff.Download;
import app.ferry.handoff.HandOffClient;
import app.ferry.handoff.HandOffServer;
import app.ferry.handoff.InstancePaths;
import app.ferry.handoff.Reply;
import app.ferry.handoff.SingleInstance;
import app.ferry.testing.FileServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A hand-off message naming the page a download came from (what the browser extension's host
 * sends) makes a task that remembers the page, and the details pane shows it as "From page"; a
 * download pasted in the window shows no such row. The cookies sent along never show. And the
 * window's half of "Refresh link", over the same socket.
 */
@ExtendWith(ApplicationExtension.class)
class HandOffFromPageFlowTest {

    @TempDir
    Path temp;
    private Stage stage;
    private GuiFixture app;
    private HandOffServer handOff;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) throws Exception {
        app = new GuiFixture(temp);
        app.settings("en", false);
        app.open(robot, stage);
        // As FerryApp does: the window serves the single-instance socket in its data folder.
        handOff = SingleInstance.primaryOrRaise(InstancePaths.in(app.dataDir)).orElseThrow();
        handOff.serve(new WindowHandOffReceiver(stage, app.vm()));
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        handOff.close();
        app.close(robot);
    }

    @Test
    void aHandedOverDownloadShowsThePageItCameFrom(FxRobot robot) throws Exception {
        String page = app.server.url("/catalog/item?id=42");
        Download download = new Download(app.server.url("/files/4000/from-page.bin"), Map.of("User-Agent", "Mozilla/5.0 Test"),
                "session=SECRET-COOKIE", page, "from-page.bin", page);
        handOff(download);

        TaskModel row = app.waitForRow("from-page.bin");
        app.waitForState(row, TaskState.COMPLETED);
        assertThat(((DownloadSpec) GuiFixture.fx(row::record).spec()).fromPage()).isEqualTo(URI.create(page));
        app.select(robot, row);
        TextField fromPage = robot.lookup("#details-from-page").queryAs(TextField.class);
        GuiFixture.waitUntil(() -> fromPage.getText().equals(page) && fromPage.isVisible());
        String headers = GuiFixture.fx(() -> robot.lookup("#details-headers").queryTextInputControl().getText());
        assertThat(headers).contains("Cookie: ••••").doesNotContain("SECRET-COOKIE");
        assertThat(Files.readAllBytes(app.downloads.resolve("from-page.bin"))).isEqualTo(LocalServer.content(4000));

        app.paste(robot, app.server.url("/files/1000/pasted.bin"));
        TaskModel pasted = app.waitForRow("pasted.bin");
        app.select(robot, pasted);
        GuiFixture.waitUntil(() -> fromPage.getText().isEmpty() && !fromPage.isVisible());
    }

    /**
     * The window's side of "Refresh link" without a browser: the button on a task whose link
     * answers 403, then a hand-off of the same file name from the page's new link gives that task
     * the new link and page (no second task), and it completes from there.
     */
    @Test
    void refreshLinkGivesTheWaitingTaskTheHandedOverLinkAndPage(FxRobot robot) throws Exception {
        try (FileServer files = FileServer.start()) {
            byte[] content = FileServer.randomBytes(3000, 7);
            files.serve("/signed/1/report.pdf", content).failNext(100, 403);
            files.serve("/signed/2/report.pdf", content);
            String oldPage = files.url("/reports?week=1");
            handOff(new Download(files.url("/signed/1/report.pdf"), Map.of(), "session=SECRET-1", oldPage, "report.pdf", oldPage));
            TaskModel row = app.waitForRow("report.pdf");
            app.waitForState(row, TaskState.FAILED);

            app.select(robot, row);
            robot.clickOn("#refresh-link");
            assertThat(app.message()).contains(oldPage).contains("report.pdf");
            String newPage = files.url("/reports?week=1&fresh=1");
            handOff(new Download(files.url("/signed/2/report.pdf"), Map.of(), "session=SECRET-2", newPage, "report.pdf", newPage));

            app.waitForState(row, TaskState.COMPLETED);
            assertThat(app.rows()).hasSize(1);
            DownloadSpec spec = (DownloadSpec) GuiFixture.fx(row::record).spec();
            assertThat(spec.url()).isEqualTo(files.url("/signed/2/report.pdf"));
            assertThat(spec.fromPage()).isEqualTo(URI.create(newPage));
            assertThat(files.requests("/signed/2/report.pdf")).last()
                    .satisfies(r -> assertThat(r.header("Cookie")).isEqualTo("session=SECRET-2"));
            assertThat(Files.readAllBytes(app.downloads.resolve("report.pdf"))).isEqualTo(content);
        }
    }

    private void handOff(Download download) throws Exception {
        try (HandOffClient client = HandOffClient.connect(InstancePaths.in(app.dataDir)).orElseThrow()) {
            Reply reply = client.handOff(List.of(download), false, Duration.ofSeconds(30));
            assertThat(reply.isError()).as(reply.message()).isFalse();
            assertThat(reply.receipt().added()).containsExactly(download.url());
        }
    }
}
