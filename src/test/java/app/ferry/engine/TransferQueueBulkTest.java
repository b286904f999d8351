package app.ferry.engine;

import static app.ferry.testing.Queues.TIMEOUT;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.store.TaskStore;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pausing, resuming and removing many tasks at once is saved as one batch: with ten thousand
 * tasks it costs a handful of journal syncs, not ten thousand in a row (which froze the window).
 */
class TransferQueueBulkTest {

    private static final int TASKS = 10_000;
    /** A generous handful: the batch itself, the running task's own pause, a checkpoint or two. */
    private static final long HANDFUL = 8;

    @TempDir
    Path temp;

    private TestServer server;
    private Path stateDir;

    @BeforeEach
    void start() {
        server = TestServer.start();
        // Slow enough that the one running task is still running when the bulk operation comes.
        server.serve("/slow.bin", TestServer.randomBytes(1024 * 1024, 7)).throttle(32 * 1024);
        stateDir = temp.resolve("state");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static EngineConfig oneAtATime() {
        return fastConfig().withMaxConcurrent(1).withMaxPerHost(1);
    }

    private List<TransferQueue.Addition> additions(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new TransferQueue.Addition(DownloadSpec.of(server.url("/slow.bin"), temp.resolve("d")), null))
                .toList();
    }

    private static List<TaskState> statesOnDisk(Path stateDir) throws IOException {
        return TaskStore.readOnly(stateDir).records().stream().map(TaskRecord::state).toList();
    }

    private static void awaitAll(TransferQueue queue, TaskState first, TaskState... more) {
        EnumSet<TaskState> wanted = EnumSet.of(first, more);
        await("every task in " + wanted).atMost(TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> queue.snapshots().stream().allMatch(s -> wanted.contains(s.state())));
    }

    @Test
    void pauseAllResumeAllAndRemoveOfTenThousandTasksCostAHandfulOfSyncsAndAreOnDisk() throws IOException {
        List<TaskId> ids;
        try (TransferQueue queue = TransferQueue.open(stateDir, oneAtATime())) {
            long beforeAdd = queue.journalSyncs();
            ids = queue.addAll(additions(TASKS));
            assertThat(queue.journalSyncs() - beforeAdd).isLessThanOrEqualTo(HANDFUL);
            await().atMost(TIMEOUT).until(() -> queue.snapshots().stream().anyMatch(s -> s.state() == TaskState.RUNNING));

            long beforePause = queue.journalSyncs();
            queue.pauseAll();
            awaitAll(queue, TaskState.PAUSED);
            long pauseCost = queue.journalSyncs() - beforePause;
            assertThat(pauseCost).as("journal syncs for pausing %d tasks", TASKS).isLessThanOrEqualTo(HANDFUL);
            assertThat(queue.isIdle()).isTrue();
            // On disk before the queue closes: another reader (ferry list) sees them paused.
            assertThat(statesOnDisk(stateDir)).hasSize(TASKS).containsOnly(TaskState.PAUSED);
        }
        try (TransferQueue queue = TransferQueue.open(stateDir, oneAtATime())) {
            assertThat(queue.snapshots()).extracting(TaskSnapshot::id).containsExactlyElementsOf(ids);
            assertThat(queue.snapshots()).allMatch(s -> s.state() == TaskState.PAUSED);

            long beforeResume = queue.journalSyncs();
            queue.resumeAll();
            long resumeCost = queue.journalSyncs() - beforeResume;
            assertThat(resumeCost).as("journal syncs for resuming %d tasks", TASKS).isLessThanOrEqualTo(HANDFUL);
            // At most one runs at once; the rest wait, and the journal already says so.
            awaitAll(queue, TaskState.QUEUED, TaskState.RUNNING);
            assertThat(queue.snapshots().stream().filter(s -> s.state() == TaskState.RUNNING).count()).isLessThanOrEqualTo(1);
            // RUNNING may still be on its way to disk: that line is written with the next sync
            // (a restart reads a lost one as the QUEUED before it, decision 0005).
            assertThat(statesOnDisk(stateDir)).hasSize(TASKS)
                    .allMatch(state -> state == TaskState.QUEUED || state == TaskState.RUNNING);

            long beforeRemove = queue.journalSyncs();
            queue.remove(ids, false);
            assertThat(queue.journalSyncs() - beforeRemove).as("journal syncs for removing %d tasks", TASKS)
                    .isLessThanOrEqualTo(HANDFUL);
            assertThat(queue.snapshots()).isEmpty();
            assertThat(statesOnDisk(stateDir)).isEmpty();
        }
        try (TransferQueue queue = TransferQueue.open(stateDir, oneAtATime())) {
            assertThat(queue.snapshots()).isEmpty();
        }
    }

    @Test
    void bulkOperationsTouchOnlyTheTasksNamedAndSkipUnknownOnes() throws IOException {
        try (TransferQueue queue = TransferQueue.open(stateDir, oneAtATime().withAutoResume(false))) {
            List<TaskId> ids = queue.addAll(additions(6));
            List<TaskId> firstHalf = ids.subList(0, 3);
            List<TaskId> secondHalf = ids.subList(3, 6);

            queue.pause(List.of(secondHalf.get(0), secondHalf.get(1), secondHalf.get(2), TaskId.random()));
            assertThat(secondHalf).allMatch(id -> queue.snapshot(id).orElseThrow().state() == TaskState.PAUSED);
            assertThat(firstHalf).allMatch(id -> queue.snapshot(id).orElseThrow().state().isActive());

            queue.resume(List.of(secondHalf.get(0), TaskId.random()));
            assertThat(queue.snapshot(secondHalf.get(0)).orElseThrow().state()).isEqualTo(TaskState.QUEUED);
            assertThat(queue.snapshot(secondHalf.get(1)).orElseThrow().state()).isEqualTo(TaskState.PAUSED);

            queue.remove(List.of(firstHalf.get(1), secondHalf.get(2), TaskId.random()), false);
            assertThat(queue.snapshots()).extracting(TaskSnapshot::id)
                    .containsExactly(ids.get(0), ids.get(2), ids.get(3), ids.get(4));
            assertThat(TaskStore.readOnly(stateDir).records()).extracting(TaskRecord::id)
                    .containsExactly(ids.get(0), ids.get(2), ids.get(3), ids.get(4));
            queue.pauseAll();
            awaitAll(queue, TaskState.PAUSED);
        }
        assertThat(statesOnDisk(stateDir)).hasSize(4).containsOnly(TaskState.PAUSED);
    }
}
