package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.store.TaskStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
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
 * "Pause all" and "resume all" over 10,000 queued tasks: every state change is synced to the
 * journal before it is seen, so done on the FX thread they froze the window for as long as
 * thousands of syncs take. The window must keep answering (see {@link #MAX_STALL_MILLIS}) and the
 * states must be on disk afterwards.
 *
 * <p>One task runs against a server that accepts connections and never answers (the kernel's
 * backlog accepts them; nobody reads), the rest wait behind {@code maxConcurrent = 1}.
 */
@ExtendWith(ApplicationExtension.class)
class BulkCommandsFlowTest {

    private static final int TASKS = 10_000;
    /**
     * Done on the FX thread, the ten thousand transitions held it for seconds (a sync each). Off
     * it, what is left is one update pass over 10,000 rows and the collector's pauses. Measured on
     * an idle 2-core machine in full suite runs: longest pass 27-48 ms; longest pulse gap 65-181 ms
     * while the runLater pings waited at most 43-64 ms, so the rest is a pause of every thread (the
     * collector's), not the window's work. The window's own work, the CPU time of its longest pass
     * (wall-clock time would count another process holding the core), is held to the issue's
     * 100 ms; the whole thread to half a second, which still fails for any bulk command that waits
     * for the disk on the FX thread, without failing on a shared machine's hiccups.
     */
    private static final long MAX_PASS_MILLIS = 100;
    private static final long MAX_STALL_MILLIS = 500;
    /** Per bulk command: each of 10,000 transitions waits for its own sync until the queue saves batches. */
    private static final int BULK_TIMEOUT_SECONDS = 600;

    @TempDir
    Path temp;
    private Stage stage;
    private GuiFixture app;
    private ServerSocket silent;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) throws Exception {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        app = new GuiFixture(temp);
        app.settings("en", false);
        app.open(robot, stage, app.context().withEngineTuning(c -> c.withMaxConcurrent(1)
                .withIdleTimeout(Duration.ofMinutes(10))));
        TransferQueue queue = app.vm().queue();
        List<TransferQueue.Addition> additions = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            additions.add(new TransferQueue.Addition(DownloadSpec.of("http://127.0.0.1:" + silent.getLocalPort()
                    + "/never/" + i + ".bin", app.downloads), null));
        }
        queue.addAll(additions);
        waitLong(() -> app.vm().list().tasks().size() == TASKS
                && app.vm().list().tasks().stream().allMatch(m -> m.state().isActive()), 120);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        app.close(robot);
        silent.close();
    }

    @Test
    void pauseAllAndResumeAllKeepTheWindowAnsweringAndReachTheDisk(FxRobot robot) throws Exception {
        Path stateDir = app.vm().queue().stateDirectory();
        // The same window doing nothing, for comparison in the output: on a machine whose cores are
        // busy elsewhere the FX thread waits for a core too, bulk command or not.
        StallProbe idle = StallProbe.start();
        Thread.sleep(3_000);
        idle.stop();
        GuiFixture.fx(() -> app.vm().list().takeLongestPass());
        StallProbe probe = StallProbe.start();
        try {
            robot.clickOn("#pause-all");
            // Off the button, so its tooltip (a popup window) does not open during the measurement.
            robot.moveTo("#status");
            waitLong(() -> app.vm().list().tasks().stream().allMatch(m -> m.state() == TaskState.PAUSED), BULK_TIMEOUT_SECONDS);
            assertThat(onDisk(stateDir)).as("after pause all, on disk").containsOnlyKeys(TaskState.PAUSED)
                    .containsEntry(TaskState.PAUSED, (long) TASKS);
            GuiFixture.waitUntil(() -> app.vm().selection().canResumeAllProperty().get());

            robot.clickOn("#resume-all");
            robot.moveTo("#status");
            waitLong(() -> app.vm().list().tasks().stream().noneMatch(m -> m.state() == TaskState.PAUSED), BULK_TIMEOUT_SECONDS);
        } finally {
            probe.stop();
        }
        Map<TaskState, Long> resumed = onDisk(stateDir);
        assertThat(resumed).as("after resume all, on disk").doesNotContainKey(TaskState.PAUSED);
        assertThat(resumed.getOrDefault(TaskState.QUEUED, 0L) + resumed.getOrDefault(TaskState.RUNNING, 0L))
                .isEqualTo(TASKS);
        TaskListViewModel.PassCost pass = GuiFixture.fx(() -> app.vm().list().takeLongestPass());
        long longestPass = TimeUnit.NANOSECONDS.toMillis(pass.cpuNanos());
        System.out.printf("pause all + resume all over %d tasks: longest FX stall %d ms (pulse gap), %d ms (runLater ping),"
                + " longest update pass %d ms (%d ms of FX-thread CPU); idle window for comparison: %d ms, %d ms%n", TASKS,
                probe.maxPulseGapMillis(), probe.maxPingMillis(), TimeUnit.NANOSECONDS.toMillis(pass.wallNanos()),
                longestPass, idle.maxPulseGapMillis(), idle.maxPingMillis());
        assertThat(probe.maxPulseGapMillis()).as("longest gap between pulses, ms").isLessThan(MAX_STALL_MILLIS);
        assertThat(probe.maxPingMillis()).as("longest wait of a runLater ping, ms").isLessThan(MAX_STALL_MILLIS);
        assertThat(longestPass).as("CPU of the longest update pass on the FX thread, ms").isLessThan(MAX_PASS_MILLIS);
    }

    /** The states as a second reader of the state directory sees them (what {@code ferry list} reads). */
    private static Map<TaskState, Long> onDisk(Path stateDir) throws Exception {
        return TaskStore.readOnly(stateDir).records().stream()
                .collect(Collectors.groupingBy(TaskRecord::state, Collectors.counting()));
    }

    private static void waitLong(java.util.concurrent.Callable<Boolean> condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> GuiFixture.fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Condition not met within " + seconds + " s", e);
        }
    }

    /**
     * How long the FX thread was away: the longest gap between two pulses (an animation timer
     * keeps them coming) and the longest wait of a {@code Platform.runLater} posted every 5 ms.
     */
    private static final class StallProbe {
        private final AtomicLong maxPulseGap = new AtomicLong();
        private final AtomicLong maxPing = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private AnimationTimer timer;
        private Thread pinger;

        static StallProbe start() {
            StallProbe probe = new StallProbe();
            probe.timer = GuiFixture.fx(() -> {
                AnimationTimer pulses = new AnimationTimer() {
                    private long last = -1;

                    @Override
                    public void handle(long now) {
                        long time = System.nanoTime();
                        if (last >= 0) {
                            probe.maxPulseGap.accumulateAndGet(time - last, Math::max);
                        }
                        last = time;
                    }
                };
                pulses.start();
                return pulses;
            });
            probe.pinger = Thread.ofPlatform().name("fx-ping").daemon(true).start(() -> {
                while (probe.running.get()) {
                    long sent = System.nanoTime();
                    java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(1);
                    AtomicLong latency = new AtomicLong();
                    Platform.runLater(() -> {
                        latency.set(System.nanoTime() - sent);
                        answered.countDown();
                    });
                    try {
                        answered.await();
                        probe.maxPing.accumulateAndGet(latency.get(), Math::max);
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            return probe;
        }

        void stop() throws InterruptedException {
            running.set(false);
            pinger.join(5_000);
            GuiFixture.fx(() -> {
                timer.stop();
                return null;
            });
        }

        long maxPulseGapMillis() {
            return TimeUnit.NANOSECONDS.toMillis(maxPulseGap.get());
        }

        long maxPingMillis() {
            return TimeUnit.NANOSECONDS.toMillis(maxPing.get());
        }
    }
}
