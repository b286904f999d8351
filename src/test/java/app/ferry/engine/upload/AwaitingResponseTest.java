package app.ferry.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.EngineConfig;
import app.ferry.engine.FormPart;
import app.ferry.engine.MultipartUploadSpec;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferListener;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.TusUploadSpec;
import app.ferry.testing.BodyGate;
import app.ferry.testing.TestServer;
import app.ferry.testing.TusServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress counts bytes handed to the HTTP client, so an upload's last byte is "sent" while the
 * server is still receiving, storing or checking the file. Between that byte and the server's
 * answer the task must say it waits for the server (no speed, no ETA), and only the answer decides
 * COMPLETED or FAILED. The servers here read the whole body and then hold their answer
 * ({@link BodyGate}) until the test has looked.
 */
class AwaitingResponseTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String REFUSAL = "disk full while storing the upload";

    @TempDir
    static Path storage;
    private static final BodyGate gate = new BodyGate();
    private static TestServer server;
    private static TusServer tus;

    @TempDir
    Path dir;
    private TransferQueue queue;
    private final List<TaskSnapshot> changes = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServers() {
        server = TestServer.start()
                .servlet("/store/*", answering(201, "stored"))
                .servlet("/refuse/*", answering(500, REFUSAL));
        tus = new TusServer(storage).start();
    }

    /** Reads the whole body through the gate (which may hold it at its end), then answers. */
    private static HttpServlet answering(int status, String text) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                try {
                    gate.serve(request, r -> {
                        long read = r.getInputStream().readAllBytes().length;
                        response.setStatus(status);
                        response.setContentType("text/plain");
                        response.getWriter().write(text + " (" + read + " bytes)");
                    });
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        };
    }

    @AfterAll
    static void stopServers() {
        gate.release();
        server.close();
        tus.stop();
    }

    private void open(EngineConfig config) throws IOException {
        queue = TransferQueue.open(dir.resolve("state"), config);
        queue.addListener(new TransferListener() {
            @Override
            public void stateChanged(TaskSnapshot snapshot) {
                changes.add(snapshot);
            }
        });
    }

    private void open() throws IOException {
        open(EngineConfig.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    @AfterEach
    void closeQueue() throws IOException {
        gate.release();
        tus.gate().release();
        if (queue != null) {
            queue.close();
        }
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private TaskSnapshot snapshot(TaskId id) {
        return queue.snapshot(id).orElseThrow();
    }

    private TaskSnapshot awaitWaiting(TaskId id) {
        return await().atMost(TIMEOUT).until(() -> snapshot(id), s -> s.awaitingResponse() || !s.state().isActive());
    }

    private TaskSnapshot awaitSettled(TaskId id) {
        return await().atMost(TIMEOUT).until(() -> snapshot(id), s -> !s.state().isActive());
    }

    /** What a task shows while the server holds its answer: every byte sent, not done, no speed, no ETA. */
    private static void assertWaiting(TaskSnapshot held, long size) {
        assertThat(held.awaitingResponse()).as("waiting for the server's answer").isTrue();
        assertThat(held.state()).isEqualTo(TaskState.RUNNING);
        assertThat(held.bytesDone()).isEqualTo(size);
        assertThat(held.totalBytes()).isEqualTo(size);
        assertThat(held.bytesPerSecond()).as("no stale speed").isZero();
        assertThat(held.etaSeconds()).as("no ETA of 0 s").isEqualTo(-1);
    }

    @Test
    void aRawPutWaitsForTheServerAfterItsLastByteAndCompletesWhenAnswered() throws Exception {
        open();
        int size = 3 * 1024 * 1024 + 17;
        Path file = randomFile("video.bin", size);
        gate.holdAt(gate.received() + size);

        TaskId id = queue.add(new RawUploadSpec(file, server.url("/store/video.bin"), "PUT", null));
        gate.awaitHeld(TIMEOUT);
        TaskSnapshot held = awaitWaiting(id);

        assertWaiting(held, size);
        assertThat(gate.received()).as("the server has the whole body and holds its answer").isGreaterThanOrEqualTo(size);

        gate.release();
        TaskSnapshot done = awaitSettled(id);
        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(done.awaitingResponse()).isFalse();
        assertThat(done.record().response().status()).isEqualTo(201);
    }

    @Test
    void aMultipartPostAnswered500AfterTheWaitFailsWithTheServersReasonAndIsNeverCompleted() throws Exception {
        open();
        int size = 2 * 1024 * 1024 + 5;
        Path file = randomFile("scan.pdf", size);
        MultipartUploadSpec spec = new MultipartUploadSpec(server.url("/refuse/form"),
                List.of(FormPart.FileField.of("document", file)));
        long bodyLength = MultipartBody.of(spec.parts()).contentLength();
        gate.holdAt(gate.received() + bodyLength);

        TaskId id = queue.add(spec);
        gate.awaitHeld(TIMEOUT);
        assertWaiting(awaitWaiting(id), bodyLength);

        gate.release();
        TaskSnapshot failed = awaitSettled(id);
        assertThat(failed.state()).as(failed.record().message()).isEqualTo(TaskState.FAILED);
        assertThat(failed.awaitingResponse()).isFalse();
        assertThat(failed.record().message()).contains("500").contains(REFUSAL);
        assertThat(changes).filteredOn(s -> s.id().equals(id)).extracting(TaskSnapshot::state)
                .doesNotContain(TaskState.COMPLETED);
    }

    @Test
    void theLowSpeedRuleDoesNotCutAnUploadWhoseServerIsStillWorkingOnIt() throws Exception {
        // Before, the low-speed window stayed open after the last byte: a server working on the
        // body for longer than the window had its upload cut and (a POST with no answer) sent again.
        open(EngineConfig.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .withLowSpeed(1024, Duration.ofSeconds(1)));
        assertAWholeBodyHeldThreeSecondsIsSentOnce("slow-server.bin");
    }

    @Test
    void theIdleTimeoutDoesNotCutAServerWorkingOnAWholeBody() throws Exception {
        // A server storing or checking a large file sends nothing: before, the idle timeout cut it
        // off and the body was sent again (a POST with no answer counts as never received).
        open(EngineConfig.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .withIdleTimeout(Duration.ofSeconds(1)));
        assertAWholeBodyHeldThreeSecondsIsSentOnce("checked.bin");
    }

    /**
     * A 1 MiB POST whose server holds its answer for three seconds after the whole body (the
     * watchdog looks once a second: three windows pass) still waits, then completes, sent once.
     */
    private void assertAWholeBodyHeldThreeSecondsIsSentOnce(String name) throws Exception {
        int size = 1024 * 1024;
        Path file = randomFile(name, size);
        gate.holdAt(gate.received() + size);
        int readsBefore = gate.reads().size();

        TaskId id = queue.add(new RawUploadSpec(file, server.url("/store/" + name), "POST", null));
        gate.awaitHeld(TIMEOUT);
        awaitWaiting(id);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> snapshot(id), s -> s.awaitingResponse() && s.state() == TaskState.RUNNING);

        gate.release();
        TaskSnapshot done = awaitSettled(id);
        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(gate.reads().subList(readsBefore, gate.reads().size())).as("sent once").hasSize(1);
    }

    @Test
    void aTusUploadWaitsForTheAnswerToItsLastPatchOnly() throws Exception {
        open();
        int size = (int) TusUploadTransfer.CHUNK_BYTES + 300_001;
        Path file = randomFile("backup.tar", size);
        // The server reads all but the last byte of the second PATCH and holds there.
        tus.gate().holdAt(tus.gate().received() + size - 1);

        TaskId id = queue.add(new TusUploadSpec(file, tus.endpoint().toString()));
        tus.gate().awaitHeld(TIMEOUT);
        TaskSnapshot held = awaitWaiting(id);

        assertWaiting(held, size);
        assertThat(held.record().upload().confirmedBytes()).as("the first PATCH was answered")
                .isEqualTo(TusUploadTransfer.CHUNK_BYTES);

        tus.gate().release();
        TaskSnapshot done = awaitSettled(id);
        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(done.awaitingResponse()).isFalse();
        assertThat(tus.uploadedBytes(done.record().upload().resumeUrl())).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aBodyThatStartsAgainIsNoLongerWaiting() throws Exception {
        byte[] content = "a body sent twice".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("twice.txt"), content);
        List<Boolean> ends = new CopyOnWriteArrayList<>();
        FileBodyPublisher publisher = FileBodyPublisher.of(file, delta -> { }, ends::add);

        assertThat(Bodies.sha256(publisher)).isEqualTo(Bodies.sha256(content));
        assertThat(Bodies.sha256(publisher)).isEqualTo(Bodies.sha256(content));

        assertThat(ends).as("each subscription starts the body, each completion hands it over whole")
                .containsExactly(false, true, false, true);
    }
}
