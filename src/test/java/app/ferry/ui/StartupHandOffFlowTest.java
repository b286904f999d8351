package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.StateLock;
import app.ferry.handoff.Download;
import app.ferry.handoff.HandOffClient;
import app.ferry.handoff.HandOffServer;
import app.ferry.handoff.InstancePaths;
import app.ferry.handoff.Reply;
import app.ferry.handoff.SingleInstance;
import app.ferry.ui.settings.ProxyChoice;
import app.ferry.ui.settings.ProxyMode;
import app.ferry.ui.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.DialogPane;
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
 * A window that cannot have its queue (another holder has the state directory) over the real
 * single-instance socket: it tells no sender "accepted", and says why in its alert.
 */
@ExtendWith(ApplicationExtension.class)
class StartupHandOffFlowTest {

    @TempDir
    Path temp;
    private Stage stage;
    private GuiFixture app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void prepare() throws Exception {
        app = new GuiFixture(temp);
        app.settings("en", false);
        // A proxy whose password is asked at start: the lock must fail before the question.
        SettingsStore store = new SettingsStore(app.dataDir, app.downloads);
        store.save(store.load().settings().withProxy(new ProxyChoice(ProxyMode.MANUAL, "127.0.0.1", 3128, "ferry-user", "",
                false)));
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup(".dialog-pane").queryAllAs(DialogPane.class)
                .forEach(pane -> ((Stage) pane.getScene().getWindow()).close()));
        app.close(robot);
    }

    @Test
    void aWindowWhoseStateDirectoryIsHeldElsewhereAcceptsNoHandOff(FxRobot robot) throws Exception {
        InstancePaths paths = InstancePaths.in(app.dataDir);
        HandOffServer handOff = SingleInstance.primaryOrRaise(paths).orElseThrow();
        String url = app.server.url("/files/1000/late.bin");
        try (StateLock other = StateLock.take(app.context().stateDir())) {
            Optional<MainWindow> window = GuiFixture.fx(() -> AppStartup.showWindow(app.context(),
                    path -> app.opened.add(path.toString()), stage, handOff));
            assertThat(window).isEmpty();
            assertThat(GuiFixture.fx(() -> robot.lookup("#proxy-password-field").tryQuery().isPresent()))
                    .as("not asked for a password it would not use").isFalse();
            assertThat(GuiFixture.fx(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText()))
                    .startsWith("Another Ferry window uses the queue in " + app.context().stateDir());

            // The socket is bound but not served: a hand-off now gets no answer, not "accepted".
            try (HandOffClient client = HandOffClient.connect(paths).orElseThrow()) {
                Reply reply = null;
                IOException failure = null;
                try {
                    reply = client.handOff(List.of(Download.of(url)), true, Duration.ofSeconds(2));
                } catch (IOException e) {
                    failure = e;
                }
                assertThat(reply).as("no reply at all, so no acceptance").isNull();
                assertThat(failure).hasMessageContaining("did not answer");
            }
        } finally {
            handOff.close(); // As FerryApp does once showWindow is empty.
        }
        // Closed: the next sender finds no window and says so (or starts one) instead of being told "accepted".
        assertThat(HandOffClient.connect(paths)).isEmpty();
        assertThat(app.opened).isEmpty();
    }
}
