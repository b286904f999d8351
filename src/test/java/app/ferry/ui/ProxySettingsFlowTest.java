package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.Credentials;
import app.ferry.engine.TaskState;
import app.ferry.handoff.Download;
import app.ferry.handoff.HandOffClient;
import app.ferry.handoff.HandOffServer;
import app.ferry.handoff.InstancePaths;
import app.ferry.handoff.Receipt;
import app.ferry.handoff.Reply;
import app.ferry.handoff.SingleInstance;
import app.ferry.testing.GeneratedFiles;
import app.ferry.testing.TestProxy;
import app.ferry.ui.settings.ProxyChoice;
import app.ferry.ui.settings.ProxyMode;
import app.ferry.ui.settings.ProxyPasswordStore;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The settings' manual proxy end to end: typed in the dialog, saved, and a download of the window
 * going through a real proxy (Jetty's, started here) that demands Basic credentials.
 */
@ExtendWith(ApplicationExtension.class)
class ProxySettingsFlowTest {

    private static final String USER = "ferry-user";
    private static final String PASSWORD = "Pr0xy pass:é";
    private static final int SIZE = 300_000;

    @TempDir
    Path temp;
    private Stage stage;
    private GuiFixture app;
    private TestProxy proxy;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void prepare(FxRobot robot) throws Exception {
        app = new GuiFixture(temp);
        app.settings("en", false);
        proxy = TestProxy.requiring(USER, PASSWORD);
        // The stage is shared by all GUI test classes: one may have left it narrow or off the screen.
        robot.interact(() -> {
            stage.setWidth(1180);
            stage.setHeight(720);
            stage.centerOnScreen();
        });
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        app.close(robot);
        proxy.close();
    }

    @Test
    void aManualProxyWithBasicAuthTypedInTheSettingsCarriesTheNextDownload(FxRobot robot) throws IOException {
        app.open(robot, stage);
        openSettings(robot);
        chooseManual(robot);
        type(robot, "#settings-proxy-host", "127.0.0.1");
        type(robot, "#settings-proxy-port", Integer.toString(proxy.port()));
        type(robot, "#settings-proxy-user", USER);
        type(robot, "#settings-proxy-password", PASSWORD);
        robot.clickOn("#settings-proxy-remember");
        // The test server is on 127.0.0.1, which the default list sends direct: only other hosts.
        type(robot, "#settings-proxy-no-proxy", "example.com");
        robot.clickOn("#settings-proxy-ok");
        assertThat(GuiFixture.fx(() -> robot.lookup("#settings-proxy-mode").queryComboBox().getButtonCell().getText()))
                .isEqualTo("Manual: 127.0.0.1:" + proxy.port());
        robot.clickOn("#settings-ok");

        ProxyChoice saved = new SettingsStore(app.dataDir, app.downloads).load().settings().proxy();
        assertThat(saved).isEqualTo(new ProxyChoice(ProxyMode.MANUAL, "127.0.0.1", proxy.port(), USER, "example.com", true));

        app.paste(robot, app.server.url("/files/" + SIZE + "/through-proxy.bin"));
        TaskModel row = app.waitForRow("through-proxy.bin");
        app.waitForState(row, TaskState.COMPLETED);

        assertThat(Files.readAllBytes(app.downloads.resolve("through-proxy.bin"))).isEqualTo(GeneratedFiles.content(SIZE));
        assertThat(proxy.seen()).extracting(TestProxy.Seen::target)
                .containsExactly(app.server.url("/files/" + SIZE + "/through-proxy.bin"));
        assertThat(proxy.seen()).extracting(TestProxy.Seen::proxyAuthorization)
                .containsOnly(new Credentials(USER, PASSWORD).basicAuthorization());

        // Kept only in the owner-only file; nowhere else in the settings, the queue's state or the details.
        Path secret = app.dataDir.resolve(ProxyPasswordStore.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(Files.readString(secret)).contains(PASSWORD);
        assertThat(filesHolding(app.dataDir, PASSWORD)).containsExactly(secret);
        String header = new Credentials(USER, PASSWORD).basicAuthorization().substring("Basic ".length());
        assertThat(filesHolding(app.dataDir, header)).isEmpty();
        app.select(robot, row);
        assertThat(GuiFixture.fx(() -> robot.lookup(".text-input").queryAll().stream()
                .filter(node -> node instanceof javafx.scene.control.TextInputControl)
                .map(node -> ((javafx.scene.control.TextInputControl) node).getText()).toList()))
                .noneMatch(text -> text.contains(PASSWORD) || text.contains(header));
    }

    @Test
    void badProxyInputIsNamedAndCannotBeSaved(FxRobot robot) throws IOException {
        app.open(robot, stage);
        openSettings(robot);
        chooseManual(robot);
        assertThat(problem(robot)).as("nothing typed yet").isEmpty();
        assertThat(saveDisabled(robot)).isTrue();
        type(robot, "#settings-proxy-host", "socks5://127.0.0.1:1080");

        assertThat(problem(robot)).startsWith("SOCKS proxies are not supported: Ferry can use an HTTP proxy only.");
        assertThat(saveDisabled(robot)).isTrue();

        type(robot, "#settings-proxy-host", "127.0.0.1");
        type(robot, "#settings-proxy-port", "70000");
        assertThat(problem(robot)).isEqualTo("The port must be a number from 1 to 65535, not “70000”.");
        assertThat(saveDisabled(robot)).isTrue();

        type(robot, "#settings-proxy-port", "3128");
        assertThat(problem(robot)).isEmpty();
        assertThat(saveDisabled(robot)).isFalse();

        // A password typed for one proxy is never offered to another (decision 0007).
        type(robot, "#settings-proxy-user", "alice");
        type(robot, "#settings-proxy-password", "typed-for-3128");
        type(robot, "#settings-proxy-host", "127.0.0.2");
        assertThat(GuiFixture.fx(() -> robot.lookup("#settings-proxy-password")
                .queryAs(javafx.scene.control.PasswordField.class).getText())).as("after the host changed").isEmpty();
        robot.clickOn(robot.lookup("#manual-proxy-dialog .button").match(
                (javafx.scene.control.Button b) -> b.getText().equals("Cancel")).queryButton());

        // Cancelled with no manual proxy to fall back on: the choice goes back to what it was.
        assertThat(GuiFixture.fx(() -> robot.lookup("#settings-proxy-mode").queryComboBox().getValue()))
                .isEqualTo(ProxyMode.ENVIRONMENT);
        robot.clickOn(robot.lookup("#settings-dialog .button").match(
                (javafx.scene.control.Button b) -> b.getText().equals("Cancel")).queryButton());

        assertThat(new SettingsStore(app.dataDir, app.downloads).load().settings().proxy().mode())
                .isEqualTo(ProxyMode.ENVIRONMENT);
    }

    @Test
    void aBadNoProxyEntryIsNamedAndTheProxyIsNotSaved(FxRobot robot) throws IOException {
        app.open(robot, stage);
        openSettings(robot);
        chooseManual(robot);
        type(robot, "#settings-proxy-host", "proxy.corp.example");
        type(robot, "#settings-proxy-port", "3128");
        assertThat(saveDisabled(robot)).as("a good proxy with the default list").isFalse();

        type(robot, "#settings-proxy-no-proxy", "localhost, http://x.com/path, 10.0.0.0/8");

        assertThat(problem(robot)).isEqualTo("“http://x.com/path” in “No proxy for” is a URL: write only its host, e.g."
                + " example.com. Allowed, separated by commas: example.com, .example.com,"
                + " 10.0.0.1, 10.0.0.0/8, host:8080, * (all).");
        assertThat(drawnWhole(robot, "#settings-proxy-problem")).as("the message is not cut").isTrue();
        assertThat(saveDisabled(robot)).isTrue();
        robot.clickOn("#settings-proxy-ok");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertThat(robot.lookup("#settings-proxy-no-proxy").tryQuery()).as("the dialog stays open").isPresent();

        type(robot, "#settings-proxy-no-proxy", "localhost, x.com:8080:1");
        assertThat(problem(robot)).startsWith("“x.com:8080:1” in “No proxy for” has too many colons");
        // The longest of these messages, with a long entry: still whole.
        type(robot, "#settings-proxy-no-proxy", "localhost, 999.168.100.200");
        assertThat(problem(robot)).startsWith("“999.168.100.200” in “No proxy for” is not an IP address");
        assertThat(drawnWhole(robot, "#settings-proxy-problem")).as("the longest message is not cut").isTrue();
        robot.clickOn(robot.lookup("#manual-proxy-dialog .button").match(
                (javafx.scene.control.Button b) -> b.getText().equals("Cancel")).queryButton());
        robot.clickOn("#settings-ok");

        ProxyChoice saved = new SettingsStore(app.dataDir, app.downloads).load().settings().proxy();
        assertThat(saved.mode()).isEqualTo(ProxyMode.ENVIRONMENT);
        assertThat(saved.noProxy()).isEqualTo(ProxyChoice.DEFAULT_NO_PROXY);
    }

    @Test
    void theLongestNoProxyMessageIsWholeInChinese(FxRobot robot) throws IOException {
        app.settings("zh-CN", false);
        app.open(robot, stage);
        openSettings(robot);
        robot.clickOn("#settings-proxy-mode");
        robot.clickOn("手动设置 HTTP 代理");
        GuiFixture.waitUntil(() -> robot.lookup("#settings-proxy-host").tryQuery().map(n -> n.isVisible()).orElse(false));
        type(robot, "#settings-proxy-host", "proxy.corp.example");
        type(robot, "#settings-proxy-port", "3128");
        type(robot, "#settings-proxy-no-proxy", "localhost, 999.168.100.200");

        assertThat(problem(robot)).startsWith("“不使用代理的主机”中的“999.168.100.200”不是 IP 地址");
        assertThat(drawnWhole(robot, "#settings-proxy-problem")).as("the message is not cut").isTrue();
        assertThat(saveDisabled(robot)).isTrue();
        robot.interact(() -> robot.lookup("#manual-proxy-dialog").query().getScene().getWindow().hide());
        robot.interact(() -> robot.lookup("#settings-dialog").query().getScene().getWindow().hide());
    }

    @Test
    void aLongManualProxyReadsWholeInTheClosedChoice(FxRobot robot) throws IOException {
        String host = "proxy.corporate-network.emea.example.com";
        saveManual(host, "");
        app.open(robot, stage);
        openSettings(robot);

        assertClosedChoiceWhole(robot, "Manual: " + host + ":3128");
        assertThat(GuiFixture.fx(() -> robot.lookup("#settings-proxy-mode").queryComboBox().getTooltip().getText()))
                .isEqualTo("http://" + host + ":3128");

        // A longer one typed in the open dialog: the dialog widens to show it.
        robot.clickOn("#settings-proxy-edit");
        String longer = "proxy-gateway.eu-west-1.corporate-network.example.com";
        type(robot, "#settings-proxy-host", longer);
        type(robot, "#settings-proxy-user", "alice");
        robot.clickOn("#settings-proxy-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertClosedChoiceWhole(robot, "Manual: " + longer + ":3128");
        assertThat(GuiFixture.fx(() -> robot.lookup("#settings-proxy-mode").queryComboBox().getTooltip().getText()))
                .isEqualTo("http://" + longer + ":3128, user alice");
        robot.clickOn(robot.lookup("#settings-dialog .button").match(
                (javafx.scene.control.Button b) -> b.getText().equals("Cancel")).queryButton());
    }

    @Test
    void aLongManualProxyReadsWholeInTheClosedChoiceInChinese(FxRobot robot) throws IOException {
        app.settings("zh-CN", false);
        String host = "proxy.corporate-network.emea.example.com";
        saveManual(host, "");
        app.open(robot, stage);
        openSettings(robot);

        assertClosedChoiceWhole(robot, "手动：" + host + ":3128");
        robot.interact(() -> robot.lookup("#settings-dialog").query().getScene().getWindow().hide());
    }

    private void saveManual(String host, String user) throws IOException {
        SettingsStore store = new SettingsStore(app.dataDir, app.downloads);
        store.save(store.load().settings().withProxy(new ProxyChoice(ProxyMode.MANUAL, host, 3128, user, null, false)));
    }

    /** The closed proxy choice says {@code text}, drawn whole, and lies inside its dialog. */
    private static void assertClosedChoiceWhole(FxRobot robot, String text) {
        javafx.scene.control.ComboBox<?> combo = robot.lookup("#settings-proxy-mode").queryComboBox();
        javafx.scene.control.ListCell<?> shown = GuiFixture.fx(combo::getButtonCell);
        GuiFixture.waitUntil(() -> text.equals(shown.getText()));
        GuiFixture.waitUntil(() -> drawnWhole(shown));
        javafx.scene.Node pane = robot.lookup("#settings-dialog").query();
        assertThat(GuiFixture.fx(() -> {
            javafx.geometry.Bounds box = combo.localToScreen(combo.getLayoutBounds());
            javafx.geometry.Bounds dialog = pane.localToScreen(pane.getLayoutBounds());
            return box.getMinX() >= dialog.getMinX() && box.getMaxX() <= dialog.getMaxX();
        })).as("the choice lies within its dialog").isTrue();
    }

    @Test
    void aPasswordNotRememberedIsAskedForAtStartAndNeverWritten(FxRobot robot) throws Exception {
        SettingsStore store = new SettingsStore(app.dataDir, app.downloads);
        Settings settings = store.load().settings();
        store.save(settings.withProxy(new ProxyChoice(ProxyMode.MANUAL, "127.0.0.1", proxy.port(), USER, "", false)));

        Future<Optional<MainWindow>> opening = WaitForAsyncUtils.asyncFx(
                () -> AppStartup.showWindow(app.context(), path -> app.opened.add(path.toString()), stage));
        GuiFixture.waitUntil(() -> robot.lookup("#proxy-password-field").tryQuery().isPresent());
        assertThat(GuiFixture.fx(() -> robot.lookup("#proxy-password-prompt .header-panel .label").queryAs(Label.class)
                .getText())).isEqualTo("The proxy http://127.0.0.1:" + proxy.port() + " needs the password of the user "
                + USER + ".");
        type(robot, "#proxy-password-field", PASSWORD);
        robot.clickOn("#proxy-password-ok");
        app.window = opening.get(GuiFixture.TIMEOUT_SECONDS, TimeUnit.SECONDS).orElseThrow();

        app.paste(robot, app.server.url("/files/" + SIZE + "/asked.bin"));
        TaskModel row = app.waitForRow("asked.bin");
        app.waitForState(row, TaskState.COMPLETED);

        assertThat(Files.readAllBytes(app.downloads.resolve("asked.bin"))).isEqualTo(GeneratedFiles.content(SIZE));
        assertThat(proxy.seen()).extracting(TestProxy.Seen::proxyAuthorization)
                .containsOnly(new Credentials(USER, PASSWORD).basicAuthorization());
        assertThat(app.dataDir.resolve(ProxyPasswordStore.FILE_NAME)).doesNotExist();
        assertThat(filesHolding(app.dataDir, PASSWORD)).isEmpty();
    }

    /**
     * A browser (through ferry-host) or {@code ferry add} hands downloads to a window that is still
     * asking for the proxy password: the window answers at once over the single-instance socket and
     * queues them once the password is given and the queue is open; none is lost.
     */
    @Test
    void handOffsDuringThePasswordPromptAreAnsweredAtOnceAndQueuedOnceTheQueueOpens(FxRobot robot) throws Exception {
        SettingsStore store = new SettingsStore(app.dataDir, app.downloads);
        store.save(store.load().settings().withProxy(new ProxyChoice(ProxyMode.MANUAL, "127.0.0.1", proxy.port(), USER, "",
                false)));
        InstancePaths paths = InstancePaths.in(app.dataDir);
        HandOffServer handOff = SingleInstance.primaryOrRaise(paths).orElseThrow();
        try {
            Future<Optional<MainWindow>> opening = WaitForAsyncUtils.asyncFx(() -> AppStartup.showWindow(app.context(),
                    path -> app.opened.add(path.toString()), stage, handOff));
            GuiFixture.waitUntil(() -> robot.lookup("#proxy-password-field").tryQuery().isPresent());

            String first = app.server.url("/files/" + SIZE + "/handed-first.bin");
            String second = app.server.url("/files/" + SIZE + "/handed-second.bin");
            Reply reply;
            Reply again;
            try (HandOffClient client = HandOffClient.connect(paths).orElseThrow()) {
                reply = client.handOff(List.of(Download.of(first), Download.of(second)), true, Duration.ofSeconds(5));
                again = client.handOff(List.of(Download.of(first)), false, Duration.ofSeconds(5));
            }
            assertThat(reply.isError()).as(reply.message()).isFalse();
            assertThat(reply.receipt().added()).containsExactly(first, second);
            assertThat(again.receipt().added()).isEmpty();
            assertThat(again.receipt().rejected()).extracting(Receipt.Rejection::url).containsExactly(first);
            assertThat(GuiFixture.fx(() -> robot.lookup("#proxy-password-field").tryQuery().isPresent()))
                    .as("still asking").isTrue();

            type(robot, "#proxy-password-field", PASSWORD);
            robot.clickOn("#proxy-password-ok");
            app.window = opening.get(GuiFixture.TIMEOUT_SECONDS, TimeUnit.SECONDS).orElseThrow();

            for (String name : List.of("handed-first.bin", "handed-second.bin")) {
                app.waitForState(app.waitForRow(name), TaskState.COMPLETED);
                assertThat(Files.readAllBytes(app.downloads.resolve(name))).isEqualTo(GeneratedFiles.content(SIZE));
            }
            assertThat(app.rows()).hasSize(2);
            assertThat(proxy.seen()).extracting(TestProxy.Seen::proxyAuthorization)
                    .containsOnly(new Credentials(USER, PASSWORD).basicAuthorization());

            // Once the window is up, hand-offs go straight to it, as before.
            String third = app.server.url("/files/" + SIZE + "/handed-third.bin");
            try (HandOffClient client = HandOffClient.connect(paths).orElseThrow()) {
                assertThat(client.handOff(List.of(Download.of(third), Download.of(first)), false, Duration.ofSeconds(20))
                        .receipt().rejected()).extracting(Receipt.Rejection::url).containsExactly(first);
            }
            app.waitForState(app.waitForRow("handed-third.bin"), TaskState.COMPLETED);
        } finally {
            handOff.close();
        }
    }

    private static void openSettings(FxRobot robot) {
        // The toolbar places its buttons in its first layout pass: click once it has run.
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#settings");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void chooseManual(FxRobot robot) {
        robot.clickOn("#settings-proxy-mode");
        robot.clickOn("Manual HTTP proxy");
        GuiFixture.waitUntil(() -> robot.lookup("#settings-proxy-host").tryQuery().map(n -> n.isVisible()).orElse(false));
    }

    private static String problem(FxRobot robot) {
        return GuiFixture.fx(() -> robot.lookup("#settings-proxy-problem").queryAs(Label.class).getText());
    }

    /** The text the label's skin draws is its whole text (a cut one ends in "…"), as LayoutFlowTest checks cells. */
    static boolean drawnWhole(FxRobot robot, String query) {
        return drawnWhole(robot.lookup(query).queryAs(javafx.scene.control.Labeled.class));
    }

    static boolean drawnWhole(javafx.scene.control.Labeled labeled) {
        return GuiFixture.fx(() -> {
            String drawn = labeled.lookupAll(".text").stream()
                    .filter(n -> n instanceof javafx.scene.text.Text)
                    .map(n -> ((javafx.scene.text.Text) n).getText())
                    .collect(java.util.stream.Collectors.joining());
            return !labeled.getText().isEmpty() && drawn.equals(labeled.getText());
        });
    }

    private static boolean saveDisabled(FxRobot robot) {
        return GuiFixture.fx(() -> robot.lookup("#settings-proxy-ok").queryButton().isDisabled());
    }

    /** Every file under {@code dir} whose bytes contain {@code text} in UTF-8. */
    private static List<Path> filesHolding(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return indexOf(Files.readAllBytes(file), needle) >= 0;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Types into a field once its dialog has the focus (keys typed before that would go to the main window). */
    private static void type(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field);
        GuiFixture.waitUntil(() -> field.isFocused() && field.getScene().getWindow().isFocused());
        robot.interact(field::selectAll);
        robot.write(text);
        GuiFixture.waitUntil(() -> field.getText().equals(text));
    }
}
