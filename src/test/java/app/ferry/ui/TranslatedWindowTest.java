package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.Problem;
import app.ferry.engine.TaskState;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14 item 5: in 简体中文 every text on screen comes from the Chinese bundle or is data,
 * also when things go wrong: the engine's reasons (a 404, a refused connection and its retries, a
 * refused password) in the rows, their tooltips, the notifications, the message area, the
 * password prompt and every tab of the details pane, History included.
 */
@ExtendWith(ApplicationExtension.class)
class TranslatedWindowTest {

    /** The server's own words (headers, error page): data the window shows as sent, in no language. */
    private static final Set<String> SERVER_WORDS = Set.of("details-headers", "details-body");

    @TempDir
    Path temp;
    private Stage stage;
    private GuiFixture app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        // The password prompt this test leaves open would be the next test's focused window.
        robot.interact(() -> List.copyOf(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != stage && w instanceof Stage).forEach(w -> ((Stage) w).close()));
        app.close(robot);
    }

    @Test
    void failuresFromARealServerAreShownInChinese(FxRobot robot) throws Exception {
        app = new GuiFixture(temp);
        app.settings("zh-CN", true);
        app.open(robot, stage, app.context().withEngineTuning(c -> c.withMaxRetries(1)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(100))));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String missing = app.server.url("/nowhere/missing.bin");
        String refused = "http://127.0.0.1:" + closedPort + "/refused.bin";
        String secret = app.server.url("/secret/20000/private.bin");
        String good = app.server.url("/files/20000/good.bin");

        app.paste(robot, String.join("\n", missing, refused, secret, good));
        TaskModel missingRow = app.waitForRow("missing.bin");
        TaskModel refusedRow = app.waitForRow("refused.bin");
        TaskModel secretRow = app.waitForRow("private.bin");
        app.waitForState(missingRow, TaskState.FAILED);
        app.waitForState(refusedRow, TaskState.FAILED);
        TaskModel goodRow = app.waitForRow("good.bin");
        app.waitForState(goodRow, TaskState.COMPLETED);
        app.waitForState(secretRow, TaskState.NEEDS_CREDENTIALS);

        // A wrong password, typed into the prompt the 401 opened: the next prompt says it was refused.
        GuiFixture.waitUntil(() -> robot.lookup("#credentials-user").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#credentials-user").queryTextInputControl().setText("ferry");
            robot.lookup("#credentials-password").queryTextInputControl().setText("wrong");
            // Fired rather than clicked: a failure's notification may lie over the prompt's button.
            robot.lookup("#credentials-ok").queryButton().fire();
        });
        GuiFixture.waitUntil(() -> secretRow.record().problem() != null
                && secretRow.record().problem().code() == Problem.Code.CREDENTIALS_REFUSED);
        GuiFixture.waitUntil(() -> robot.lookup("#credentials-user").tryQuery().isPresent());
        GuiFixture.waitUntil(() -> !robot.lookup(".notice").queryAll().isEmpty());

        // The rendering is the Chinese one, not only free of English.
        String table = GuiFixture.fx(() -> String.join("\n", texts().stream().map(VisibleTexts.Shown::text).toList()));
        assertThat(table).contains("未找到").contains("无法连接到服务器").contains("拒绝了");

        UntranslatedWords check = UntranslatedWords.of("messages_zh_CN.properties", data(List.of(missing, refused, secret, good)));
        List<String> untranslated = new ArrayList<>(untranslated(check, "no selection"));
        for (TaskModel row : List.of(missingRow, refusedRow, secretRow, goodRow)) {
            app.select(robot, row);
            TabPane tabs = robot.lookup("#details").queryAs(TabPane.class);
            for (Tab tab : GuiFixture.fx(() -> List.copyOf(tabs.getTabs()))) {
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents();
                untranslated.addAll(untranslated(check, row.name() + ", tab " + GuiFixture.fx(tab::getText)));
            }
        }
        app.select(robot, refusedRow);
        String history = GuiFixture.fx(() -> String.join("\n", robot.lookup("#details-history")
                .queryListView().getItems().stream().map(String::valueOf).toList()));
        assertThat(history).contains("第 1 次尝试失败").contains("无法连接到服务器");
        assertThat(GuiFixture.fx(() -> robot.lookup("#details-error").queryTextInputControl().getText()))
                .contains("连续 2 次尝试失败后放弃");
        app.select(robot, goodRow);
        assertThat(GuiFixture.fx(() -> String.join("\n", robot.lookup("#details-history")
                .queryListView().getItems().stream().map(String::valueOf).toList()))).contains("开始传输").contains("已保存为");
        assertThat(untranslated).as("texts on screen with words from no Chinese bundle entry"
                + " (bundle words allowed: %s)", check.bundleWords()).isEmpty();
    }

    @Test
    void aRedirectLoopIsShownInChinese(FxRobot robot) throws Exception {
        app = new GuiFixture(temp);
        app.settings("zh-CN", true);
        app.open(robot, stage);
        // Redirects to itself: more hops than Ferry follows, each one a history entry.
        app.server.redirect("/loop/circle.bin", 302, "/loop/circle.bin");
        String loop = app.server.url("/loop/circle.bin");

        app.paste(robot, loop);
        TaskModel loopRow = app.waitForRow("circle.bin");
        app.waitForState(loopRow, TaskState.FAILED);
        GuiFixture.waitUntil(() -> !robot.lookup(".notice").queryAll().isEmpty());

        String table = GuiFixture.fx(() -> String.join("\n", texts().stream().map(VisibleTexts.Shown::text).toList()));
        assertThat(table).contains("从 " + loop + " 开始的重定向超过 20 次");
        UntranslatedWords check = UntranslatedWords.of("messages_zh_CN.properties", data(List.of(loop)));
        List<String> untranslated = new ArrayList<>(untranslated(check, "no selection"));
        app.select(robot, loopRow);
        TabPane tabs = robot.lookup("#details").queryAs(TabPane.class);
        for (Tab tab : GuiFixture.fx(() -> List.copyOf(tabs.getTabs()))) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            untranslated.addAll(untranslated(check, "loop, tab " + GuiFixture.fx(tab::getText)));
        }
        app.select(robot, loopRow);
        assertThat(GuiFixture.fx(() -> String.join("\n", robot.lookup("#details-history")
                .queryListView().getItems().stream().map(String::valueOf).toList()))).contains("重定向到 " + loop);
        assertThat(untranslated).as("texts on screen with words from no Chinese bundle entry"
                + " (bundle words allowed: %s)", check.bundleWords()).isEmpty();
    }

    private List<VisibleTexts.Shown> texts() {
        return VisibleTexts.all(SERVER_WORDS);
    }

    private List<String> untranslated(UntranslatedWords check, String when) {
        return GuiFixture.fx(() -> texts().stream()
                .filter(shown -> !check.in(shown.text()).isEmpty())
                .map(shown -> when + " | " + shown.where() + ": \"" + shown.text() + "\" → " + check.in(shown.text()))
                .toList());
    }

    /** What is data on this screen: the links, the folders, the server's names for itself and its realm. */
    private List<String> data(List<String> urls) {
        List<String> data = new ArrayList<>(urls);
        data.add(temp.toString());
        data.add(app.downloads.toString());
        data.add("127.0.0.1");
        data.add("ferry-test");
        data.add("ferry");
        for (TaskModel row : app.rows()) {
            data.add(row.name());
            data.add(GuiFixture.fx(() -> row.targetProperty().get()));
        }
        return data;
    }
}
