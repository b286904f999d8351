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
 * download pasted in the window shows no such row. The cookies sent along never show.
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
        Reply reply;
        try (HandOffClient client = HandOffClient.connect(InstancePaths.in(app.dataDir)).orElseThrow()) {
            reply = client.handOff(List.of(download), false, Duration.ofSeconds(30));
        }
        assertThat(reply.isError()).as(reply.message()).isFalse();

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
}
