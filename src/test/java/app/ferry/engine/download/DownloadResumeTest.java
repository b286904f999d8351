package app.ferry.engine.download;

import static app.ferry.testing.Queues.awaitBytesDone;
import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.awaitState;
import static app.ferry.testing.Queues.claimedPrefix;
import static app.ferry.testing.Queues.fastConfig;
import static app.ferry.testing.Queues.partialFile;
import static app.ferry.testing.Queues.sha256;
import static app.ferry.testing.Queues.replaceSavedState;
import static app.ferry.testing.Queues.stateFile;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.RecordedRequest;
import app.ferry.testing.ServedFile;
import app.ferry.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stopping a download anywhere and continuing it never splices two versions of a file, whatever
 * the server does with Range and If-Range.
 */
class DownloadResumeTest {

    private static final int SIZE = 4 * 1024 * 1024 + 123;
    /** Slow enough that a pause lands mid-body, fast enough to keep the test short. */
    private static final long RATE = 2 * 1024 * 1024;

    @TempDir
    Path temp;

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);
    private TestServer server;
    private TransferQueue queue;
    private Path downloads;
    private Path stateDir;

    @BeforeEach
    void start() throws IOException {
        System.out.println("seed " + seed);
        server = TestServer.start();
        downloads = temp.resolve("downloads");
        stateDir = temp.resolve("state");
        queue = TransferQueue.open(stateDir, fastConfig());
    }

    @AfterEach
    void stop() throws IOException {
        queue.close();
        server.close();
    }

    @Test
    void pausedAtAnArbitraryOffsetResumesWithRangeAndIfRange() throws IOException {
        byte[] content = TestServer.randomBytes(SIZE, seed);
        ServedFile file = server.serve("/big.bin", content).throttle(RATE);
        TaskId id = queue.add(DownloadSpec.of(server.url("/big.bin"), downloads));

        long prefix = pauseAfter(id, 200_000 + random.nextInt(SIZE / 2));

        JsonNode state = stateFile(stateDir, id);
        assertThat(state.path("state").asText()).isEqualTo("PAUSED");
        Path partial = partialFile(downloads);
        assertThat(prefix).isPositive().isLessThanOrEqualTo(Files.size(partial));
        assertThat(Arrays.copyOf(Files.readAllBytes(partial), (int) prefix)).isEqualTo(Arrays.copyOf(content, (int) prefix));

        file.throttle(0);
        TaskSnapshot done = resumeToEnd(id);

        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(content));
        List<RecordedRequest> requests = server.requests("/big.bin");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("Range")).isNull();
        assertThat(requests.get(1).header("Range")).isEqualTo("bytes=" + prefix + "-");
        assertThat(requests.get(1).header("If-Range")).isEqualTo(file.etag());
        assertThat(kinds(done)).contains(HistoryEvent.Kind.RESUMED).doesNotContain(HistoryEvent.Kind.RESTARTED);
    }

    @Test
    void aDownloadOfUnknownLengthResumesToo() {
        byte[] content = TestServer.randomBytes(SIZE, seed);
        ServedFile file = server.serve("/stream", content).throttle(RATE).chunked(true);
        TaskId id = queue.add(DownloadSpec.of(server.url("/stream"), downloads));
        long prefix = pauseAfter(id, 200_000 + random.nextInt(SIZE / 2));
        assertThat(queue.snapshot(id).orElseThrow().totalBytes()).isEqualTo(-1);

        file.throttle(0);
        TaskSnapshot done = resumeToEnd(id);

        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(content));
        assertThat(server.requests("/stream").get(1).header("Range")).isEqualTo("bytes=" + prefix + "-");
        assertThat(done.totalBytes()).isEqualTo(SIZE);
    }

    @ParameterizedTest(name = "chunked: {0}")
    @ValueSource(booleans = {false, true})
    void retriesWhenTheConnectionDropsMidBody(boolean chunked) {
        byte[] content = TestServer.randomBytes(SIZE, seed);
        server.serve("/flaky.bin", content).dropAfter(900_000, 3).chunked(chunked);

        TaskId id = queue.add(DownloadSpec.of(server.url("/flaky.bin"), downloads));
        TaskSnapshot done = awaitFinished(queue, id);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(content));
        assertThat(kinds(done)).filteredOn(k -> k == HistoryEvent.Kind.RETRYING).hasSize(3);
        List<RecordedRequest> requests = server.requests("/flaky.bin");
        assertThat(requests).hasSize(4);
        // Each attempt continued where the bytes of the last one ended: at most 900 000 further
        // on (the reset of a dropped connection may discard the last bytes in flight).
        long previous = 0;
        for (int attempt = 1; attempt <= 3; attempt++) {
            String range = requests.get(attempt).header("Range");
            assertThat(range).matches("bytes=\\d+-");
            long from = Long.parseLong(range.substring(6, range.length() - 1));
            assertThat(from).isGreaterThan(previous).isLessThanOrEqualTo(previous + 900_000);
            previous = from;
        }
    }

    @Test
    void aFileReplacedWhilePausedIsDownloadedAgainInFull() {
        byte[] original = TestServer.randomBytes(SIZE, seed);
        byte[] replacement = TestServer.randomBytes(SIZE + 4096, seed + 1);
        ServedFile file = server.serve("/v.bin", original).throttle(RATE);
        TaskId id = queue.add(DownloadSpec.of(server.url("/v.bin"), downloads));
        pauseAfter(id, 500_000 + random.nextInt(SIZE / 2));

        file.replace(replacement).throttle(0);
        TaskSnapshot done = resumeToEnd(id);

        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(replacement));
        assertThat(kinds(done)).contains(HistoryEvent.Kind.RESTARTED);
        assertThat(done.record().download().etag()).isEqualTo(file.etag());
    }

    @Test
    void aServerIgnoringIfRangeCannotSpliceANewVersionIn() {
        byte[] original = TestServer.randomBytes(SIZE, seed);
        byte[] replacement = TestServer.randomBytes(SIZE, seed + 1); // Same size: only the ETag tells.
        ServedFile file = server.serve("/v.bin", original).throttle(RATE).ignoreIfRange(true);
        TaskId id = queue.add(DownloadSpec.of(server.url("/v.bin"), downloads));
        long prefix = pauseAfter(id, 500_000 + random.nextInt(SIZE / 2));

        file.replace(replacement).throttle(0);
        TaskSnapshot done = resumeToEnd(id);

        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(replacement));
        assertThat(kinds(done)).contains(HistoryEvent.Kind.RESTARTED);
        List<RecordedRequest> requests = server.requests("/v.bin");
        assertThat(requests.get(1).header("Range")).isEqualTo("bytes=" + prefix + "-");
        assertThat(requests.getLast().header("Range")).isNull();
    }

    @Test
    void aServerIgnoringRangeMakesTheDownloadStartOver() {
        byte[] content = TestServer.randomBytes(SIZE, seed);
        ServedFile file = server.serve("/norange.bin", content).throttle(RATE).ignoreRange(true);
        TaskId id = queue.add(DownloadSpec.of(server.url("/norange.bin"), downloads));
        pauseAfter(id, 300_000 + random.nextInt(SIZE / 2));

        file.throttle(0);
        TaskSnapshot done = resumeToEnd(id);

        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(content));
        assertThat(kinds(done)).contains(HistoryEvent.Kind.RESTARTED);
    }

    /**
     * The last run wrote and claimed every byte, then died before moving the file into place:
     * the server answers the resume with 416 {@code bytes *}{@code /N} and N is what is on disk.
     */
    @Test
    void a416ForExactlyTheBytesOnDiskCompletes() throws IOException {
        byte[] content = TestServer.randomBytes(SIZE, seed);
        server.serve("/all.bin", content).throttle(RATE);
        TaskId id = queue.add(DownloadSpec.of(server.url("/all.bin"), downloads));
        pauseAfter(id, 300_000);
        queue.close();
        Path partial = partialFile(downloads);
        Files.write(partial, content);
        claimEveryByte(id, content.length);
        queue = TransferQueue.open(stateDir, fastConfig());

        TaskSnapshot done = resumeToEnd(id);

        assertThat(server.requests("/all.bin").getLast().header("Range")).isEqualTo("bytes=" + SIZE + "-");
        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(content));
        assertThat(partial).doesNotExist();
    }

    @Test
    void a416ForAnotherLengthStartsOver() {
        byte[] original = TestServer.randomBytes(SIZE, seed);
        byte[] shorter = TestServer.randomBytes(100_000, seed + 1);
        ServedFile file = server.serve("/shrunk.bin", original).throttle(RATE).ignoreIfRange(true);
        TaskId id = queue.add(DownloadSpec.of(server.url("/shrunk.bin"), downloads));
        pauseAfter(id, 500_000);

        file.replace(shorter).throttle(0);
        TaskSnapshot done = resumeToEnd(id);

        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(shorter));
        assertThat(kinds(done)).contains(HistoryEvent.Kind.RESTARTED);
    }

    @Test
    void withoutValidatorsAResumeRechecksTheLast64KiB() {
        byte[] content = TestServer.randomBytes(SIZE, seed);
        ServedFile file = server.serve("/plain.bin", content).throttle(RATE).withoutValidators();
        TaskId id = queue.add(DownloadSpec.of(server.url("/plain.bin"), downloads));
        long prefix = pauseAfter(id, 300_000 + random.nextInt(SIZE / 2));

        file.throttle(0);
        TaskSnapshot done = resumeToEnd(id);

        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(content));
        RecordedRequest resume = server.requests("/plain.bin").get(1);
        assertThat(resume.header("Range")).isEqualTo("bytes=" + (prefix - DownloadTransfer.OVERLAP_CHECK_BYTES) + "-");
        assertThat(resume.header("If-Range")).isNull();
        assertThat(kinds(done)).contains(HistoryEvent.Kind.RESUMED).doesNotContain(HistoryEvent.Kind.RESTARTED);
    }

    @Test
    void withoutValidatorsAChangedFileIsCaughtByTheOverlapAndDownloadedAgain() {
        byte[] original = TestServer.randomBytes(SIZE, seed);
        byte[] replacement = TestServer.randomBytes(SIZE, seed + 1);
        ServedFile file = server.serve("/plain.bin", original).throttle(RATE).withoutValidators();
        TaskId id = queue.add(DownloadSpec.of(server.url("/plain.bin"), downloads));
        pauseAfter(id, 300_000 + random.nextInt(SIZE / 2));

        file.replace(replacement).throttle(0);
        TaskSnapshot done = resumeToEnd(id);

        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(replacement));
        assertThat(kinds(done)).contains(HistoryEvent.Kind.RESTARTED);
    }

    /** Pauses once the task passed {@code bytes}; returns the prefix its state file claims. */
    @Test
    void anExpiredRedirectTargetSendsTheResumeBackToTheOriginalUrl() throws IOException {
        byte[] content = TestServer.randomBytes(SIZE, seed);
        ServedFile file = server.serve("/cdn/signed.bin", content).throttle(RATE);
        server.redirect("/link", 302, "/cdn/signed.bin");
        TaskId id = queue.add(DownloadSpec.of(server.url("/link"), downloads));

        long prefix = pauseAfter(id, 200_000 + random.nextInt(SIZE / 2));
        file.throttle(0).failNext(1, 403);
        TaskSnapshot done = resumeToEnd(id);

        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(content));
        assertThat(server.requests("/link")).hasSize(2);
        List<RecordedRequest> target = server.requests("/cdn/signed.bin");
        assertThat(target).hasSize(3);
        assertThat(target.get(1).header("Range")).isEqualTo("bytes=" + prefix + "-");
        assertThat(target.get(2).header("Range")).isEqualTo("bytes=" + prefix + "-");
        assertThat(target.get(2).header("If-Range")).isEqualTo(file.etag());
        assertThat(done.record().history()).anySatisfy(e -> assertThat(e.text()).contains("asking the original address"));
        assertThat(kinds(done)).doesNotContain(HistoryEvent.Kind.RESTARTED);
    }

    @Test
    void a416ForAFileThatShrankToTheSavedOffsetIsNotTakenAsComplete() throws IOException {
        byte[] content = TestServer.randomBytes(SIZE, seed);
        ServedFile file = server.serve("/shrink.bin", content).throttle(RATE);
        TaskId id = queue.add(DownloadSpec.of(server.url("/shrink.bin"), downloads));

        long prefix = pauseAfter(id, 200_000 + random.nextInt(SIZE / 2));
        // The new version ends exactly where we stopped, and the server ignores If-Range: it
        // answers our Range with 416 "bytes */prefix", which must not finish the old version.
        byte[] shorter = TestServer.randomBytes((int) prefix, seed + 1);
        file.throttle(0).ignoreIfRange(true).replace(shorter);
        TaskSnapshot done = resumeToEnd(id);

        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(shorter));
        assertThat(kinds(done)).contains(HistoryEvent.Kind.RESTARTED);
    }

    @Test
    void pauseAndResumeInQuickSuccessionNeverStrandTheTask() {
        byte[] content = TestServer.randomBytes(SIZE, seed);
        server.serve("/flicker.bin", content).throttle(RATE);
        TaskId id = queue.add(DownloadSpec.of(server.url("/flicker.bin"), downloads));
        awaitBytesDone(queue, id, 100_000);

        // Each resume lands while the pause is still being saved, or just after: either way the
        // task must end up running again, with one worker.
        for (int i = 0; i < 20; i++) {
            queue.pause(id);
            queue.resume(id);
        }
        TaskSnapshot done = awaitFinished(queue, id);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(content));
    }

    private long pauseAfter(TaskId id, long bytes) {
        awaitBytesDone(queue, id, bytes);
        queue.pause(id);
        awaitState(queue, id, TaskState.PAUSED);
        long prefix = claimedPrefix(stateFile(stateDir, id));
        assertThat(prefix).as("paused after %d bytes of %d", bytes, SIZE).isBetween(1L, (long) SIZE - 1);
        return prefix;
    }

    private TaskSnapshot resumeToEnd(TaskId id) {
        queue.resume(id);
        TaskSnapshot done = awaitFinished(queue, id);
        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        return done;
    }

    /** Rewrites the state file as the last run left it just before moving the file into place. */
    private void claimEveryByte(TaskId id, long length) throws IOException {
        ObjectNode state = (ObjectNode) stateFile(stateDir, id);
        ObjectNode download = (ObjectNode) state.path("download");
        download.put("totalBytes", length);
        download.putArray("completed").addObject().put("start", 0).put("end", length);
        replaceSavedState(stateDir, id, state);
    }

    private static List<HistoryEvent.Kind> kinds(TaskSnapshot task) {
        return task.record().history().stream().map(HistoryEvent::kind).toList();
    }
}
