package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 2,000 rows, first 5 then 50 transfers moving bytes: the FX thread's model update passes per
 * second stay at the sampler's rate (not the transfer count, not the bytes), and the FX thread
 * keeps answering.
 */
@ExtendWith(ApplicationExtension.class)
class ProgressRateTest {

    private static final int ROWS = 2_000;
    private static final int PASSES_MEASURED = 20;
    /** The sampler's 10 Hz plus slack for the event-driven passes (commands, jitter). */
    private static final double MAX_PASSES_PER_SECOND = ProgressSampler.RATE_HZ * 1.2;

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
        app.close(robot);
    }

    @Test
    void updatesPerSecondDoNotGrowWithRunningTransfers(FxRobot robot) throws Exception {
        app = new GuiFixture(temp);
        app.settings("en", false);
        app.open(robot, stage, app.context().withEngineTuning(c -> c.withMaxConcurrent(5).withMaxPerHost(50)));
        TransferQueue queue = app.vm().queue();
        for (int i = 0; i < ROWS; i++) {
            queue.add(DownloadSpec.of(app.server.url("/slow/67108864/row-" + i + ".bin"), app.downloads));
        }
        GuiFixture.waitUntil(() -> app.vm().list().tasks().size() == ROWS && running() == 5);

        Measure five = measure();
        queue.reconfigure(queue.config().withMaxConcurrent(50));
        GuiFixture.waitUntil(() -> running() == 50);
        Measure fifty = measure();

        System.out.printf("5 running: %.1f passes/s, %.0f KiB/s, ping max %d ms%n50 running: %.1f passes/s, %.0f KiB/s, ping max %d ms%n",
                five.passesPerSecond, five.bytesPerSecond / 1024, five.maxPingMillis,
                fifty.passesPerSecond, fifty.bytesPerSecond / 1024, fifty.maxPingMillis);
        assertThat(fifty.bytesPerSecond).as("bytes flow faster with more transfers").isGreaterThan(five.bytesPerSecond * 3);
        assertThat(five.passesPerSecond).isLessThanOrEqualTo(MAX_PASSES_PER_SECOND);
        assertThat(fifty.passesPerSecond).isLessThanOrEqualTo(MAX_PASSES_PER_SECOND);
        assertThat(fifty.passesPerSecond).as("passes grow with the transfer count")
                .isLessThanOrEqualTo(five.passesPerSecond * 1.25 + 1);
        assertThat(fifty.maxRowUpdatesPerSecond).as("one row's updates").isLessThanOrEqualTo(MAX_PASSES_PER_SECOND);
        assertThat(fifty.maxPingMillis).as("FX thread answers").isLessThan(1_000);
    }

    private int running() {
        return (int) app.vm().list().tasks().stream().filter(m -> m.state() == TaskState.RUNNING).count();
    }

    private record Measure(double passesPerSecond, double bytesPerSecond, double maxRowUpdatesPerSecond, long maxPingMillis) {
    }

    /** Times {@value #PASSES_MEASURED} update passes while pinging the FX thread. */
    private Measure measure() {
        TaskModel watched = GuiFixture.fx(() -> app.vm().list().tasks().stream()
                .filter(m -> m.state() == TaskState.RUNNING).findFirst().orElseThrow());
        AtomicLong rowUpdates = new AtomicLong();
        javafx.beans.value.ChangeListener<Number> counter = (obs, old, now) -> rowUpdates.incrementAndGet();
        GuiFixture.fx(() -> {
            watched.doneProperty().addListener(counter);
            return null;
        });
        long startPasses = GuiFixture.fx(() -> app.vm().list().updatePasses());
        long startBytes = GuiFixture.fx(this::totalDone);
        long start = System.nanoTime();
        long maxPing = 0;
        while (GuiFixture.fx(() -> app.vm().list().updatePasses()) < startPasses + PASSES_MEASURED) {
            long sent = System.nanoTime();
            java.util.concurrent.CompletableFuture<Void> pong = new java.util.concurrent.CompletableFuture<>();
            Platform.runLater(() -> pong.complete(null));
            pong.orTimeout(GuiFixture.TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS).join();
            maxPing = Math.max(maxPing, (System.nanoTime() - sent) / 1_000_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long passes = GuiFixture.fx(() -> app.vm().list().updatePasses()) - startPasses;
        long bytes = GuiFixture.fx(this::totalDone) - startBytes;
        GuiFixture.fx(() -> {
            watched.doneProperty().removeListener(counter);
            return null;
        });
        return new Measure(passes / seconds, bytes / seconds, rowUpdates.get() / seconds, maxPing);
    }

    private long totalDone() {
        return app.vm().list().tasks().stream().mapToLong(m -> m.doneProperty().get()).sum();
    }
}
