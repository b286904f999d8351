package app.ferry.engine;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.awaitState;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue never runs more than its limits allow, and starts waiting tasks as slots free up. */
class TransferQueueLimitsTest {

    private static final int SIZE = 600_000;

    @TempDir
    Path temp;

    private TestServer server;
    private TransferQueue queue;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (queue != null) {
            queue.close();
        }
        server.close();
    }

    @Test
    void runsAtMostMaxConcurrentAndFinishesThemAll() throws IOException {
        queue = TransferQueue.open(temp.resolve("state"), fastConfig().withMaxConcurrent(2).withMaxPerHost(2));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        queue.addListener(new TransferListener() {
            @Override
            public void stateChanged(TaskSnapshot snapshot) {
                // Sampled from the engine's own events: every start and every end is seen.
                int now = (int) queue.snapshots().stream().filter(s -> s.state() == TaskState.RUNNING).count();
                running.set(now);
                peak.accumulateAndGet(now, Math::max);
            }
        });
        List<TaskId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // A second per task: long enough that none finishes between "two run" and the count of
            // the queued ones, even on a busy machine (at a third of a second, one did).
            server.serve("/f" + i, TestServer.randomBytes(SIZE, i)).throttle(SIZE);
            ids.add(queue.add(DownloadSpec.of(server.url("/f" + i), temp.resolve("downloads"))));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 2);
        assertThat(queue.snapshots()).filteredOn(s -> s.state() == TaskState.QUEUED).hasSize(3);

        for (TaskId id : ids) {
            assertThat(awaitFinished(queue, id).state()).isEqualTo(TaskState.COMPLETED);
        }
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void raisingTheLimitWhileRunningStartsWaitingTasksAtOnce() throws IOException {
        queue = TransferQueue.open(temp.resolve("state"), fastConfig().withMaxConcurrent(1).withMaxPerHost(1));
        List<TaskId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            server.serve("/g" + i, TestServer.randomBytes(SIZE, i)).throttle(SIZE / 2);
            ids.add(queue.add(DownloadSpec.of(server.url("/g" + i), temp.resolve("downloads"))));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> countRunning() == 1);

        queue.reconfigure(queue.config().withMaxConcurrent(3).withMaxPerHost(3));

        await().atMost(Duration.ofSeconds(5)).until(() -> countRunning() == 3);
        ids.forEach(queue::pause);
        for (int i = 0; i < ids.size(); i++) {
            awaitState(queue, ids.get(i), TaskState.PAUSED);
            assertThat(server.requests("/g" + i)).hasSize(1);
        }
    }

    @Test
    void pausingAQueuedTaskKeepsItOutUntilResumed() throws IOException {
        queue = TransferQueue.open(temp.resolve("state"), fastConfig().withMaxConcurrent(1).withMaxPerHost(1));
        server.serve("/slow", TestServer.randomBytes(SIZE, 1)).throttle(SIZE);
        server.serve("/next", TestServer.randomBytes(1000, 2));
        TaskId slow = queue.add(DownloadSpec.of(server.url("/slow"), temp.resolve("downloads")));
        TaskId next = queue.add(DownloadSpec.of(server.url("/next"), temp.resolve("downloads")));
        queue.pause(next);

        assertThat(awaitFinished(queue, slow).state()).isEqualTo(TaskState.COMPLETED);
        assertThat(queue.snapshot(next).orElseThrow().state()).isEqualTo(TaskState.PAUSED);
        assertThat(server.requests("/next")).isEmpty();

        queue.resume(next);
        assertThat(awaitFinished(queue, next).state()).isEqualTo(TaskState.COMPLETED);
    }

    private long countRunning() {
        return queue.snapshots().stream().filter(s -> s.state() == TaskState.RUNNING).count();
    }
}
