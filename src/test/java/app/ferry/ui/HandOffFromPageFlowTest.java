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
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
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
    private final SmallFileHost files = new SmallFileHost();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) throws Exception {
        files.listen();
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
        files.jetty.stop();
    }

    @Test
    void aHandedOverDownloadShowsThePageItCameFrom(FxRobot robot) throws Exception {
        byte[] content = files.serve("/files/from-page.bin", 4000, 6);
        String page = files.url("/catalog/item?id=42");
        Download download = new Download(files.url("/files/from-page.bin"), Map.of("User-Agent", "Mozilla/5.0 Test"),
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
        assertThat(Files.readAllBytes(app.downloads.resolve("from-page.bin"))).isEqualTo(content);

        files.serve("/files/pasted.bin", 1000, 5);
        app.paste(robot, files.url("/files/pasted.bin"));
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
        files.forbid("/signed/1/report.pdf");
        byte[] content = files.serve("/signed/2/report.pdf", 3000, 7);
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
        assertThat(files.cookies).containsEntry("/signed/2/report.pdf", "session=SECRET-2");
        assertThat(Files.readAllBytes(app.downloads.resolve("report.pdf"))).isEqualTo(content);
    }

    private void handOff(Download download) throws Exception {
        try (HandOffClient client = HandOffClient.connect(InstancePaths.in(app.dataDir)).orElseThrow()) {
            Reply reply = client.handOff(List.of(download), false, Duration.ofSeconds(30));
            assertThat(reply.isError()).as(reply.message()).isFalse();
            assertThat(reply.receipt().added()).containsExactly(download.url());
        }
    }

    /** Files by path (any other path: 404), paths that answer 403 as an expired link does, and the Cookie each file was asked with. */
    private static final class SmallFileHost extends Handler.Abstract {

        final Server jetty = new Server();
        final Map<String, String> cookies = new ConcurrentHashMap<>();
        private final Map<String, byte[]> served = new ConcurrentHashMap<>();
        private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
        private ServerConnector connector;

        void listen() throws Exception {
            connector = new ServerConnector(jetty);
            connector.setHost("127.0.0.1");
            jetty.addConnector(connector);
            jetty.setHandler(this);
            jetty.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + connector.getLocalPort() + path;
        }

        byte[] serve(String path, int size, long seed) {
            byte[] content = new byte[size];
            new Random(seed).nextBytes(content);
            served.put(path, content);
            return content;
        }

        void forbid(String path) {
            forbidden.add(path);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = request.getHttpURI().getPath();
            byte[] content = served.get(path);
            if (forbidden.contains(path)) {
                Response.writeError(request, response, callback, 403);
            } else if (content == null) {
                Response.writeError(request, response, callback, 404);
            } else {
                cookies.put(path, String.valueOf(request.getHeaders().get("Cookie")));
                response.getHeaders().put("Content-Type", "application/octet-stream");
                response.getHeaders().put("Content-Length", content.length);
                response.write(true, ByteBuffer.wrap(content), callback);
            }
            return true;
        }
    }
}
