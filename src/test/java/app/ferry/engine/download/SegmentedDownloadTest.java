package app.ferry.engine.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.ByteRange;
import app.ferry.engine.DownloadProgress;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.store.TaskStore;
import app.ferry.testing.ServedFile;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segmented downloads against a real server: identical files, every segment resumed, misbehaving servers. */
class SegmentedDownloadTest {

    private static final int MIB = 1 << 20;

    @TempDir
    Path temp;

    private TestServer server;
    private ServedFile file;
    private byte[] content;
    private TransferQueue queue;

    @AfterEach
    void tearDown() throws Exception {
        if (queue != null) {
            queue.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** One file of {@code size} random bytes, served as /file.bin and /again.bin (one file, one list of answers). */
    private void serve(int size, long seed) {
        content = TestServer.randomBytes(size, seed);
        server = TestServer.start();
        file = server.serve("/file.bin", content);
        server.serve("/again.bin", file);
    }

    private static EngineConfig config() {
        return EngineConfig.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    private TaskId download(int connections) throws IOException {
        queue = TransferQueue.open(temp.resolve("state"), config());
        return queue.add(new DownloadSpec(server.uri("/file.bin").toString(), temp.resolve("out"), null, connections, false));
    }

    private TaskSnapshot awaitState(TaskId id, TaskState state) {
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20))
                .until(() -> queue.snapshot(id).orElseThrow().state() == state);
        return queue.snapshot(id).orElseThrow();
    }

    private void assertIdentical(TaskSnapshot done) throws Exception {
        Path file = done.record().download().finalFile();
        assertThat(sha256(Files.readAllBytes(file))).isEqualTo(sha256(content));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aSegmentedDownloadIsIdenticalAndEveryRangeIsChecked() throws Exception {
        serve(16 * MIB + 12345, 1);
        TaskId id = download(4);

        TaskSnapshot done = awaitState(id, TaskState.COMPLETED);

        assertIdentical(done);
        // Four connections; on a loaded machine one may finish early and steal a further piece.
        assertThat(file.answers()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(file.rangeAnswers()).hasSize(file.answers().size() - 1)
                .allSatisfy(seen -> assertThat(seen.ifRange()).isEqualTo(file.etag()))
                .allSatisfy(seen -> assertThat(seen.status()).isEqualTo(206));
        assertThat(done.record().download().completed()).containsExactly(new ByteRange(0, content.length));
    }

    @Test
    void aSmallFileUsesOneConnection() throws Exception {
        serve(3 * MIB, 2);
        TaskId id = download(4);

        assertIdentical(awaitState(id, TaskState.COMPLETED));
        assertThat(file.answers()).hasSize(1);
    }

    @Test
    void aServerWithoutRangesGetsOneConnection() throws Exception {
        serve(8 * MIB, 3);
        file.ignoreRange(true).acceptRanges(null);
        TaskId id = download(8);

        assertIdentical(awaitState(id, TaskState.COMPLETED));
        assertThat(file.answers()).hasSize(1);
        assertThat(file.answers().getFirst().status()).isEqualTo(200);
    }

    @Test
    void aServerThatOffersRangesButIgnoresThemEndsOnOneConnection() throws Exception {
        serve(8 * MIB, 4);
        file.ignoreRange(true).acceptRanges("bytes");
        TaskId id = download(4);

        TaskSnapshot done = awaitState(id, TaskState.COMPLETED);

        assertIdentical(done);
        assertThat(done.record().history()).anyMatch(e -> e.kind() == HistoryEvent.Kind.RESTARTED
                && e.text().contains("one connection"));
        // After the refusal: one request for the whole file, no more range requests.
        assertThat(file.answers().getLast().range()).isNull();
    }

    @Test
    void aWrongContentRangeOnOneSegmentRestartsFromZero() throws Exception {
        serve(8 * MIB, 5);
        file.misstateRangeStart(1);
        TaskId id = download(4);

        TaskSnapshot done = awaitState(id, TaskState.COMPLETED);

        assertIdentical(done);
        assertThat(done.record().history()).anyMatch(e -> e.kind() == HistoryEvent.Kind.RESTARTED
                && e.text().contains("Content-Range"));
        assertThat(file.answers().stream().filter(s -> s.range() == null).count())
                .as("the whole download started again").isEqualTo(2);
    }

    @Test
    void aServerThatGarblesEveryRangeEndsOnOneConnection() throws Exception {
        // Issue 12.5: before, every restart met the same lie and the task failed after three,
        // while -x 1 on the same server succeeded.
        serve(8 * MIB, 7);
        file.misstateEveryRangeStart(true);
        TaskId id = download(4);

        TaskSnapshot done = app.ferry.testing.Queues.awaitState(queue, id, TaskState.COMPLETED, TaskState.FAILED);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertIdentical(done);
        assertThat(done.record().history()).anyMatch(e -> e.kind() == HistoryEvent.Kind.RESTARTED
                && e.text().contains("Content-Range") && e.text().contains("one connection"));
        assertThat(file.answers().getLast().range()).as("the last request is for the whole file").isNull();
        assertThat(file.answers().stream().filter(s -> s.range() == null).count())
                .as("the first request, then one restart over one connection").isEqualTo(2);
    }

    @Test
    void aHostThatGarbledRangesGetsOneConnectionForLaterTasks() throws Exception {
        // Issue 12.5: the queue remembers the lie for the host, so the second task does not meet
        // it again (no restart, no range request at all).
        serve(8 * MIB, 9);
        file.misstateEveryRangeStart(true);
        TaskId first = download(4);
        TaskSnapshot firstDone = app.ferry.testing.Queues.awaitState(queue, first, TaskState.COMPLETED, TaskState.FAILED);
        assertThat(firstDone.state()).as(firstDone.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(firstDone.record().history()).anyMatch(e -> e.kind() == HistoryEvent.Kind.NOTE
                && e.text().contains("Later downloads from 127.0.0.1:") && e.text().contains("one connection"));
        int before = file.answers().size();

        TaskId second = queue.add(new DownloadSpec(server.uri("/again.bin").toString(), temp.resolve("out"), null, 4, false));
        TaskSnapshot done = app.ferry.testing.Queues.awaitState(queue, second, TaskState.COMPLETED, TaskState.FAILED);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertIdentical(done);
        assertThat(file.answers().subList(before, file.answers().size())).as("the second task's requests")
                .hasSize(1).allSatisfy(seen -> assertThat(seen.range()).isNull());
        assertThat(done.record().history()).noneMatch(e -> e.kind() == HistoryEvent.Kind.RESTARTED)
                .anyMatch(e -> e.kind() == HistoryEvent.Kind.NOTE && e.text().contains("answered range requests wrongly"));
    }

    @Test
    void aFinishedConnectionTakesOverHalfOfASlowOne() throws Exception {
        int size = 16 * MIB;
        serve(size, 6);
        // The second of four pieces crawls; the others are done at once.
        file.throttleRangesFrom(size / 4, 512 * 1024);
        TaskId id = download(4);

        assertIdentical(awaitState(id, TaskState.COMPLETED));
        assertThat(file.answers().size()).as("range requests beyond the first four pieces").isGreaterThan(4);
        assertThat(file.rangeAnswers()).anyMatch(s -> s.rangeStart() > size / 4 && s.rangeStart() < size / 2);
    }

    @Test
    void aFastDownloadMakesItsDataDurableEvery64MiBWhateverTheInterval() throws Exception {
        int size = 160 * MIB;
        serve(size, 8);
        file.throttle(10 * MIB);
        // No checkpoint by time within this test: only the bytes written can make one due.
        EngineConfig hourly = new EngineConfig(3, 3, 8, Duration.ofMillis(20), Duration.ofMillis(200),
                Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofHours(1), true);
        Path state = temp.resolve("state");
        queue = TransferQueue.open(state, hourly);
        TaskId id = queue.add(new DownloadSpec(server.uri("/file.bin").toString(), temp.resolve("out"), null, 4, false));

        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20))
                .until(() -> TaskStore.readOnly(state).records().getFirst().durableBytes() >= 64 * MIB);

        assertThat(queue.snapshot(id).orElseThrow().state()).as("claimed before the end").isEqualTo(TaskState.RUNNING);
        assertSavedRangesHoldTheRightBytes(TaskStore.readOnly(state).records().getFirst().download());
        assertIdentical(awaitState(id, TaskState.COMPLETED));
    }

    @Test
    void pauseAndResumeContinueEverySegment() throws Exception {
        int size = 16 * MIB;
        serve(size, 7);
        file.throttle(2 * MIB);
        TaskId id = download(4);
        await().atMost(30, TimeUnit.SECONDS).until(() -> queue.snapshot(id).orElseThrow().bytesDone() > 4 * MIB);

        queue.pause(id);
        TaskSnapshot paused = awaitState(id, TaskState.PAUSED);

        List<ByteRange> saved = paused.record().download().completed();
        assertSavedRangesHoldTheRightBytes(paused.record().download());
        assertThat(saved).as("several segments were under way").hasSizeGreaterThanOrEqualTo(2);
        List<ByteRange> gaps = ByteRanges.gaps(saved, size);
        file.clearAnswers();
        file.throttle(0);

        queue.resume(id);

        assertIdentical(awaitState(id, TaskState.COMPLETED));
        assertEveryGapWasAskedFor(gaps);
    }

    @Test
    void killMinusNineAndARestartContinueEverySegment() throws Exception {
        int size = 16 * MIB;
        serve(size, 8);
        file.throttle(1 * MIB);
        Path state = temp.resolve("state");
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "app.ferry.Main",
                "get", "--state", state.toString(), "--dir", out.toString(), "-x", "4", server.uri("/file.bin").toString())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("child.log").toFile())
                .start();
        DownloadProgress before;
        try {
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                    .until(() -> savedProgress(state) != null && savedProgress(state).completed().size() >= 2
                            && savedProgress(state).completedBytes() > 3 * MIB);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        before = savedProgress(state);
        assertSavedRangesHoldTheRightBytes(before);
        List<ByteRange> gaps = ByteRanges.gaps(before.completed(), size);
        file.clearAnswers();
        file.throttle(0);

        queue = TransferQueue.open(state, config());
        TaskId id = queue.snapshots().getFirst().id();

        assertIdentical(awaitState(id, TaskState.COMPLETED));
        assertEveryGapWasAskedFor(gaps);
    }

    private static DownloadProgress savedProgress(Path state) throws IOException {
        List<TaskRecord> records = TaskStore.readOnly(state).records();
        return records.isEmpty() ? null : records.getFirst().download();
    }

    /** Claimed ranges are sorted, disjoint, inside the file, and hold exactly the server's bytes. */
    private void assertSavedRangesHoldTheRightBytes(DownloadProgress progress) throws IOException {
        List<ByteRange> saved = progress.completed();
        assertThat(saved).isEqualTo(ByteRanges.union(saved));
        assertThat(progress.totalBytes()).isEqualTo(content.length);
        try (RandomAccessFile partial = new RandomAccessFile(progress.partialFile().toFile(), "r")) {
            for (ByteRange range : saved) {
                assertThat(range.end()).isLessThanOrEqualTo(content.length);
                byte[] local = new byte[Math.toIntExact(range.length())];
                partial.seek(range.start());
                partial.readFully(local);
                assertThat(Arrays.equals(local, 0, local.length, content, (int) range.start(), (int) range.end()))
                        .as("bytes %s", range).isTrue();
            }
        }
    }

    /** Every missing range was asked for from its first byte: each segment continued, none started over. */
    private void assertEveryGapWasAskedFor(List<ByteRange> gaps) {
        List<Long> starts = file.answers().stream().map(ServedFile.Answer::rangeStart).toList();
        assertThat(starts).doesNotContain(0L);
        for (ByteRange gap : gaps) {
            assertThat(starts).as("a request starting at %d", gap.start()).contains(gap.start());
        }
    }
}
