package app.ferry.engine;

import static app.ferry.testing.Queues.TIMEOUT;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.store.StateDirectory;
import app.ferry.engine.store.TaskStore;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queue order (move to top/up/down/bottom) is what the dispatcher starts by, and it survives a restart. */
class TransferQueueOrderTest {

    @TempDir
    Path temp;

    private TestServer server;
    private Path stateDir;
    private Path downloads;

    @BeforeEach
    void start() {
        server = TestServer.start();
        for (String name : List.of("a", "b", "c", "d")) {
            // Slow: the one running task is still running when the test moves the others.
            server.serve("/" + name + ".bin", TestServer.randomBytes(512 * 1024, name.charAt(0))).throttle(64 * 1024);
        }
        stateDir = temp.resolve("state");
        downloads = temp.resolve("d");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static EngineConfig oneAtATime() {
        return fastConfig().withMaxConcurrent(1).withMaxPerHost(1);
    }

    private List<TaskId> addFour(TransferQueue queue) {
        return queue.addAll(List.of("a", "b", "c", "d").stream()
                .map(n -> new TransferQueue.Addition(DownloadSpec.of(server.url("/" + n + ".bin"), downloads), null))
                .toList());
    }

    private static List<TaskId> order(TransferQueue queue) {
        return queue.snapshots().stream().map(TaskSnapshot::id).toList();
    }

    /** Waits until {@code expected} runs; with one slot, that is the task the dispatcher chose next. */
    private static void awaitRunning(TransferQueue queue, TaskId expected, List<TaskId> ids) {
        await("task " + ids.indexOf(expected) + " running").atMost(TIMEOUT)
                .until(() -> queue.snapshot(expected).orElseThrow().state() == TaskState.RUNNING);
        assertThat(queue.snapshots().stream().filter(s -> s.state() == TaskState.RUNNING).map(TaskSnapshot::id))
                .containsExactly(expected);
    }

    @Test
    void movedOrderIsListedStartedFirstAndKeptAfterReopen() throws IOException {
        List<TaskId> ids;
        try (TransferQueue queue = TransferQueue.open(stateDir, oneAtATime())) {
            ids = addFour(queue);
            awaitRunning(queue, ids.get(0), ids);
            queue.move(List.of(ids.get(3)), QueuePosition.TOP);
            queue.move(List.of(ids.get(1)), QueuePosition.BOTTOM);
            assertThat(order(queue)).containsExactly(ids.get(3), ids.get(0), ids.get(2), ids.get(1));
            // Pausing the running one frees its slot: the dispatcher takes d, now first, not b.
            queue.pause(ids.get(0));
            awaitRunning(queue, ids.get(3), ids);
            queue.pause(ids.get(3));
            queue.move(List.of(ids.get(2)), QueuePosition.UP);
            assertThat(order(queue)).containsExactly(ids.get(3), ids.get(2), ids.get(0), ids.get(1));
            queue.move(List.of(ids.get(3)), QueuePosition.DOWN);
            assertThat(order(queue)).containsExactly(ids.get(2), ids.get(3), ids.get(0), ids.get(1));
            awaitRunning(queue, ids.get(2), ids);
            queue.pause(ids);
        }
        try (TransferQueue queue = TransferQueue.open(stateDir, oneAtATime())) {
            assertThat(order(queue)).containsExactly(ids.get(2), ids.get(3), ids.get(0), ids.get(1));
            // Resumed together: they start in queue order, not in the order they were added.
            queue.resume(List.of(ids.get(1), ids.get(0), ids.get(3), ids.get(2)));
            awaitRunning(queue, ids.get(2), ids);
            queue.move(List.of(ids.get(1)), QueuePosition.TOP);
            queue.pause(ids.get(2));
            awaitRunning(queue, ids.get(1), ids);
            queue.pauseAll();
        }
    }

    @Test
    void recordsOfEarlierVersionsWithoutAnOrderKeepTheOrderTheyWereAddedIn() throws IOException {
        // As an earlier version saved them: order 0 (Jackson's value for the absent key) in every record.
        List<TaskRecord> old = List.of("a", "b", "c", "d").stream()
                .map(n -> TaskRecord.create(TaskId.random(), DownloadSpec.of(server.url("/" + n + ".bin"), downloads), n, 1L)
                        .withState(TaskState.PAUSED, null, 1L))
                .toList();
        try (StateDirectory directory = StateDirectory.open(stateDir); TaskStore store = TaskStore.owned(directory)) {
            store.saveAll(old);
        }
        List<TaskId> ids = old.stream().map(TaskRecord::id).toList();
        try (TransferQueue queue = TransferQueue.open(stateDir, oneAtATime().withAutoResume(false))) {
            assertThat(order(queue)).containsExactlyElementsOf(ids);
            queue.move(List.of(ids.get(2)), QueuePosition.UP);
            assertThat(order(queue)).containsExactly(ids.get(0), ids.get(2), ids.get(1), ids.get(3));
            TaskId added = queue.add(DownloadSpec.of(server.url("/a.bin"), downloads));
            queue.pause(added);
            assertThat(order(queue).getLast()).isEqualTo(added);
        }
        try (TransferQueue queue = TransferQueue.open(stateDir, oneAtATime().withAutoResume(false))) {
            assertThat(order(queue).subList(0, 4)).containsExactly(ids.get(0), ids.get(2), ids.get(1), ids.get(3));
        }
    }

    @Test
    void renameBeforeCompletionSavesUnderTheChosenNameAndAfterNeverOverwrites() throws IOException {
        server.serve("/small.bin", TestServer.randomBytes(4096, 11));
        try (TransferQueue queue = TransferQueue.open(stateDir, oneAtATime())) {
            List<TaskId> ids = addFour(queue);
            TaskId small = queue.add(DownloadSpec.of(server.url("/small.bin"), downloads));
            assertThat(queue.rename(small, "mine.bin")).isEqualTo("mine.bin");
            queue.move(List.of(small), QueuePosition.TOP);
            queue.pause(ids);
            await().atMost(TIMEOUT).until(() -> queue.snapshot(small).orElseThrow().state() == TaskState.COMPLETED);
            assertThat(downloads.resolve("mine.bin")).hasBinaryContent(TestServer.randomBytes(4096, 11));

            Files.writeString(downloads.resolve("taken.bin"), "someone else's");
            assertThat(queue.rename(small, "taken.bin")).isEqualTo("taken (1).bin");
            assertThat(downloads.resolve("taken.bin")).hasContent("someone else's");
            assertThat(downloads.resolve("taken (1).bin")).hasBinaryContent(TestServer.randomBytes(4096, 11));
            assertThat(downloads.resolve("mine.bin")).doesNotExist();
            assertThat(queue.snapshot(small).orElseThrow().record().download().finalFile())
                    .isEqualTo(downloads.resolve("taken (1).bin"));

            assertThatThrownBy(() -> queue.rename(small, "../escape.bin")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot contain /");
            assertThatThrownBy(() -> queue.rename(small, "  ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a usable file name");
            Files.delete(downloads.resolve("taken (1).bin"));
            assertThatThrownBy(() -> queue.rename(small, "gone.bin")).isInstanceOf(IOException.class)
                    .hasMessageContaining("no longer there");
        }
        try (TransferQueue queue = TransferQueue.open(stateDir, oneAtATime().withAutoResume(false))) {
            Map<String, String> names = queue.snapshots().stream()
                    .collect(Collectors.toMap(s -> s.record().spec().url(), s -> s.record().name()));
            assertThat(names.get(server.url("/small.bin"))).isEqualTo("taken (1).bin");
        }
    }
}
