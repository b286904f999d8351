package app.ferry.engine;

import static app.ferry.testing.Queues.awaitBytesDone;
import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.awaitState;
import static app.ferry.testing.Queues.fastConfig;
import static app.ferry.testing.Queues.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.engine.store.Journal;
import app.ferry.engine.store.TaskStore;
import app.ferry.testing.Queues;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue's state directory: owned by one queue at a time, survives bad files and restarts. */
class TransferQueueStateTest {

    @TempDir
    Path temp;

    private TestServer server;
    private Path stateDir;
    private Path downloads;

    @BeforeEach
    void start() {
        server = TestServer.start();
        stateDir = temp.resolve("state");
        downloads = temp.resolve("downloads");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSecondQueueOnTheSameDirectoryIsRefused() throws IOException {
        try (TransferQueue first = TransferQueue.open(stateDir, fastConfig())) {
            assertThatThrownBy(() -> TransferQueue.open(stateDir, fastConfig()))
                    .isInstanceOf(StateDirectoryInUseException.class)
                    .hasMessageContaining("in use by pid " + ProcessHandle.current().pid());
            assertThat(first.isIdle()).isTrue();
        }
        // Released with the first queue.
        TransferQueue.open(stateDir, fastConfig()).close();
    }

    @Test
    void aRefusedSecondOpenLeavesTheFirstQueueWorking() throws IOException {
        server.serve("/a.bin", TestServer.randomBytes(1000, 1));
        try (TransferQueue first = TransferQueue.open(stateDir, fastConfig())) {
            assertThatThrownBy(() -> TransferQueue.open(stateDir, fastConfig()))
                    .isInstanceOf(StateDirectoryInUseException.class);
            assertThatThrownBy(() -> TransferQueue.open(stateDir, fastConfig()))
                    .isInstanceOf(StateDirectoryInUseException.class);

            TaskId id = first.add(DownloadSpec.of(server.url("/a.bin"), downloads));
            assertThat(awaitFinished(first, id).state()).isEqualTo(TaskState.COMPLETED);
        }
    }

    @Test
    void anUnreadableTaskIsSetAsideAndReportedWhileTheOthersLoad() throws IOException {
        server.serve("/a.bin", TestServer.randomBytes(1000, 1));
        server.serve("/b.bin", TestServer.randomBytes(2000, 2));
        List<TaskId> ids;
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            ids = List.of(queue.add(DownloadSpec.of(server.url("/a.bin"), downloads)),
                    queue.add(DownloadSpec.of(server.url("/b.bin"), downloads)));
            ids.forEach(id -> awaitFinished(queue, id));
        }
        // A journal line intact on disk that no longer reads as a task (a bug, a hand edit).
        TaskId bad = TaskId.random();
        try (Journal journal = Journal.open(stateDir.resolve(TaskStore.JOURNAL), Map.of(), problem -> {
        })) {
            journal.put(bad.value(), "{\"id\": \"trunc".getBytes(StandardCharsets.UTF_8));
        }

        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            assertThat(queue.snapshots()).extracting(TaskSnapshot::id).containsExactlyElementsOf(ids);
            assertThat(queue.snapshots()).allMatch(s -> s.state() == TaskState.COMPLETED);
            assertThat(queue.restoreProblems()).singleElement().asString().contains(bad.value()).contains("kept it as");
        }
        try (Stream<Path> files = Files.list(stateDir)) {
            Path kept = files.filter(f -> f.getFileName().toString().startsWith("task-" + bad.value() + ".json.unreadable-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(kept)).isEqualTo("{\"id\": \"trunc");
        }
        // Reported once: the journal no longer holds it.
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            assertThat(queue.restoreProblems()).isEmpty();
        }
    }

    @Test
    void taskFilesOfEarlierVersionsMoveIntoTheJournalAndACorruptOneIsKeptAside() throws IOException {
        server.serve("/a.bin", TestServer.randomBytes(1000, 1));
        TaskRecord done;
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            TaskId id = queue.add(DownloadSpec.of(server.url("/a.bin"), downloads));
            done = awaitFinished(queue, id).record();
        }
        // What state directories looked like before the journal: one JSON file per task.
        byte[] saved = Journal.read(stateDir.resolve(TaskStore.JOURNAL)).values().get(done.id().value());
        Files.delete(stateDir.resolve(TaskStore.JOURNAL));
        Path legacy = Files.createDirectories(stateDir.resolve("tasks"));
        Path old = legacy.resolve(done.id().value() + ".json");
        Files.write(old, saved);
        Path corrupt = legacy.resolve(TaskId.random().value() + ".json");
        Files.writeString(corrupt, "{\"id\": \"trunc");

        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            assertThat(queue.snapshots()).singleElement().satisfies(task -> {
                assertThat(task.id()).isEqualTo(done.id());
                assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
            });
            assertThat(queue.restoreProblems()).singleElement().asString()
                    .contains(corrupt.getFileName().toString()).contains("kept it as");
        }
        assertThat(old).doesNotExist();
        assertThat(corrupt).doesNotExist();
        assertThat(Queues.savedStates(stateDir)).containsOnlyKeys(done.id().value());
        try (Stream<Path> files = Files.list(legacy)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .singleElement().asString().startsWith(corrupt.getFileName() + ".corrupt-");
        }
    }

    @Test
    void taskFilesLeftBesideAJournalDoNotBringARemovedTaskBack() throws IOException {
        server.serve("/a.bin", TestServer.randomBytes(1000, 1));
        TaskId id;
        byte[] saved;
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            id = queue.add(DownloadSpec.of(server.url("/a.bin"), downloads));
            awaitFinished(queue, id);
            saved = Journal.read(stateDir.resolve(TaskStore.JOURNAL)).values().get(id.value());
            queue.remove(id, false);
        }
        // A migration whose deletions a power cut undid, after the task was removed from the journal.
        Path leftover = Files.createDirectories(stateDir.resolve("tasks")).resolve(id.value() + ".json");
        Files.write(leftover, saved);

        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            assertThat(queue.snapshots()).isEmpty();
            assertThat(queue.restoreProblems()).isEmpty();
        }
        assertThat(leftover).doesNotExist();
        assertThat(leftover.resolveSibling(leftover.getFileName() + ".old")).hasBinaryContent(saved);
        assertThat(TaskStore.readOnly(stateDir).records()).isEmpty();
    }

    @Test
    void addAllSavesEveryTaskBeforeItReturnsAndARestartKeepsTheirOrder() throws IOException {
        server.serve("/slow.bin", TestServer.randomBytes(1024 * 1024, 5)).throttle(64 * 1024);
        List<TransferQueue.Addition> additions = IntStream.range(0, 60)
                .mapToObj(i -> new TransferQueue.Addition(DownloadSpec.of(server.url("/slow.bin"), downloads), null))
                .toList();
        List<TaskId> ids;
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            ids = queue.addAll(additions);
            assertThat(ids).hasSize(60).doesNotHaveDuplicates();
            // Read by another reader while the queue runs: every task is on disk already.
            assertThat(TaskStore.readOnly(stateDir).records()).extracting(TaskRecord::id).containsExactlyElementsOf(ids);
            assertThat(queue.snapshots()).extracting(TaskSnapshot::id).containsExactlyElementsOf(ids);
        }
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            assertThat(queue.snapshots()).extracting(TaskSnapshot::id).containsExactlyElementsOf(ids);
        }
    }

    @Test
    void aRestartContinuesRunningTasksAndKeepsPausedOnesPaused() throws IOException {
        byte[] running = TestServer.randomBytes(4 * 1024 * 1024, 3);
        byte[] paused = TestServer.randomBytes(4 * 1024 * 1024, 4);
        server.serve("/running.bin", running).throttle(3 * 1024 * 1024);
        server.serve("/paused.bin", paused).throttle(3 * 1024 * 1024);
        TaskId runningId;
        TaskId pausedId;
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            runningId = queue.add(DownloadSpec.of(server.url("/running.bin"), downloads));
            pausedId = queue.add(DownloadSpec.of(server.url("/paused.bin"), downloads));
            awaitBytesDone(queue, runningId, 1024 * 1024);
            awaitBytesDone(queue, pausedId, 512 * 1024);
            queue.pause(pausedId);
            awaitState(queue, pausedId, TaskState.PAUSED);
        }

        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            TaskSnapshot done = awaitFinished(queue, runningId);
            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(running));
            assertThat(server.requests("/running.bin").getLast().header("Range")).matches("bytes=[1-9]\\d*-");
            assertThat(queue.snapshot(pausedId).orElseThrow().state()).isEqualTo(TaskState.PAUSED);

            queue.resume(pausedId);
            TaskSnapshot resumed = awaitFinished(queue, pausedId);
            assertThat(resumed.state()).as(resumed.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(sha256(resumed.record().download().finalFile())).isEqualTo(sha256(paused));
        }
    }
}
