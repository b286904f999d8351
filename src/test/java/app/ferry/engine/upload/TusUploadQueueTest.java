package app.ferry.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.EngineConfig;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.TusUploadSpec;
import app.ferry.testing.BodyGate;
import app.ferry.testing.TusServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resumable uploads run by the real {@link TransferQueue} against tus-java-server in Jetty. */
class TusUploadQueueTest {

    private static final int MIB = 1 << 20;
    /** Two full 16 MiB PATCH chunks and a short one. */
    private static final int SIZE = 40 * MIB + 12_345;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path storage;
    private static TusServer tus;

    @TempDir
    Path dir;
    private TransferQueue queue;

    @BeforeAll
    static void startServer() throws Exception {
        tus = new TusServer(storage).start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        tus.stop();
    }

    @BeforeEach
    void openQueue() throws IOException {
        queue = TransferQueue.open(dir.resolve("state"),
                EngineConfig.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    @AfterEach
    void closeQueue() throws IOException {
        tus.gate().release();
        queue.close();
    }

    private Path randomFile(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private TaskSnapshot awaitSettled(TaskId id) {
        return await().atMost(TIMEOUT).until(() -> queue.snapshot(id).orElseThrow(), s -> !s.state().isActive());
    }

    private TaskSnapshot snapshot(TaskId id) {
        return queue.snapshot(id).orElseThrow();
    }

    /**
     * Starts an upload, holds the server at {@code holdAt} bytes of it, pauses the task there and
     * waits until the server has finished with the aborted PATCH. Returns the server's offset.
     */
    private long startAndPauseAt(TaskId id, long holdAt) throws Exception {
        tus.gate().awaitHeld(TIMEOUT);
        queue.pause(id);
        await().atMost(TIMEOUT).until(() -> snapshot(id).state() == TaskState.PAUSED);
        tus.gate().release();
        await().atMost(TIMEOUT).until(() -> tus.gate().activeRequests() == 0);
        return tus.offset(snapshot(id).record().upload().resumeUrl());
    }

    @Test
    void theUploadLimitAppliesToTusPatches() throws Exception {
        Path file = randomFile("limited.bin", 4 * MIB, 5);
        queue.setLimits(0, 2L * MIB);

        long start = System.nanoTime();
        TaskSnapshot done = awaitSettled(queue.add(new TusUploadSpec(file, tus.endpoint().toString())));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(tus.uploadedBytes(done.record().upload().resumeUrl())).isEqualTo(Files.readAllBytes(file));
        // 4 MiB at 2 MiB/s, less the limiter's burst and the first 1 MiB chunk: never under 1.2 s.
        assertThat(took).isGreaterThan(Duration.ofMillis(1200));
    }

    @Test
    void aCompleteUploadIsIdenticalOnTheServer() throws Exception {
        Path file = randomFile("holiday 照片.bin", SIZE, 1);
        int before = tus.gate().reads().size();

        TaskSnapshot done = awaitSettled(queue.add(new TusUploadSpec(file, tus.endpoint().toString())));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        String upload = done.record().upload().resumeUrl();
        assertThat(tus.uploadedBytes(upload)).isEqualTo(Files.readAllBytes(file));
        assertThat(tus.filename(upload)).isEqualTo("holiday 照片.bin");
        List<BodyGate.BodyRead> patches = patches(tus.gate().reads().subList(before, tus.gate().reads().size()));
        assertThat(patches).extracting(BodyGate.BodyRead::uploadOffset).containsExactly(0L, 16L * MIB, 32L * MIB);
        assertThat(patches).extracting(BodyGate.BodyRead::bytes).containsExactly(16L * MIB, 16L * MIB, SIZE - 32L * MIB);
        assertThat(done.bytesDone()).isEqualTo(done.totalBytes()).isEqualTo(SIZE);
        assertThat(done.record().upload().confirmedBytes()).isEqualTo(SIZE);
    }

    @Test
    void aPausedUploadContinuesFromTheServersOffsetWithoutSendingEarlierBytesAgain() throws Exception {
        Path file = randomFile("paused.bin", SIZE, 2);
        tus.gate().holdAt(tus.gate().received() + 20 * MIB);
        TaskId id = queue.add(new TusUploadSpec(file, tus.endpoint().toString()));
        long serverOffset = startAndPauseAt(id, 20 * MIB);
        TaskSnapshot paused = snapshot(id);
        int readsBeforeResume = tus.gate().reads().size();

        queue.resume(id);
        TaskSnapshot done = awaitSettled(id);

        // tus-java-server keeps the part of the aborted chunk it read, including what sat in socket buffers.
        assertThat(serverOffset).as("the first chunk and part of the second").isBetween(20L * MIB, 32L * MIB - 1);
        assertThat(paused.record().upload().confirmedBytes()).isEqualTo(16L * MIB);
        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        List<BodyGate.BodyRead> afterResume = tus.gate().reads().subList(readsBeforeResume, tus.gate().reads().size());
        assertThat(afterResume.getFirst().method()).as("asks the server first").isEqualTo("HEAD");
        List<BodyGate.BodyRead> patches = patches(afterResume);
        assertThat(patches.getFirst().uploadOffset()).isEqualTo(serverOffset);
        assertThat(patches.stream().mapToLong(BodyGate.BodyRead::bytes).sum())
                .as("only the bytes the server lacked were sent again").isEqualTo(SIZE - serverOffset);
        assertThat(done.record().history()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.RESUMED);
            assertThat(e.offset()).isEqualTo(serverOffset);
        });
        assertThat(tus.uploadedBytes(done.record().upload().resumeUrl())).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aFileChangedWhilePausedStartsAFreshUploadAndSaysSo() throws Exception {
        Path file = randomFile("edited.bin", SIZE, 3);
        tus.gate().holdAt(tus.gate().received() + 20 * MIB);
        TaskId id = queue.add(new TusUploadSpec(file, tus.endpoint().toString()));
        startAndPauseAt(id, 20 * MIB);
        String oldUpload = snapshot(id).record().upload().resumeUrl();
        byte[] edited = new byte[SIZE];
        new Random(33).nextBytes(edited);
        Files.write(file, edited);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        queue.resume(id);
        TaskSnapshot done = awaitSettled(id);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        String newUpload = done.record().upload().resumeUrl();
        assertThat(newUpload).isNotEqualTo(oldUpload);
        assertThat(tus.uploadedBytes(newUpload)).isEqualTo(edited);
        assertThat(done.record().history()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.RESTARTED);
            assertThat(e.text()).contains(file.toString()).contains("changed since the upload started");
        });
    }

    @Test
    void anUploadTheServerNoLongerHasStartsAFreshUploadAndSaysSo() throws Exception {
        Path file = randomFile("expired.bin", SIZE, 4);
        tus.gate().holdAt(tus.gate().received() + 20 * MIB);
        TaskId id = queue.add(new TusUploadSpec(file, tus.endpoint().toString()));
        startAndPauseAt(id, 20 * MIB);
        String oldUpload = snapshot(id).record().upload().resumeUrl();
        tus.delete(oldUpload);

        queue.resume(id);
        TaskSnapshot done = awaitSettled(id);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        String newUpload = done.record().upload().resumeUrl();
        assertThat(newUpload).isNotEqualTo(oldUpload);
        assertThat(tus.uploadedBytes(newUpload)).isEqualTo(Files.readAllBytes(file));
        assertThat(done.record().history()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.RESTARTED);
            assertThat(e.text()).contains("no longer has the upload");
        });
    }

    private static List<BodyGate.BodyRead> patches(List<BodyGate.BodyRead> reads) {
        return reads.stream().filter(r -> r.method().equals("PATCH")).toList();
    }
}
