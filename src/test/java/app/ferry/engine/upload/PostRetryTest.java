package app.ferry.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.EngineConfig;
import app.ferry.engine.FormPart;
import app.ferry.engine.MultipartUploadSpec;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.UploadSpec;
import app.ferry.testing.Queues;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A POST is not sent twice after the server answered it with an error (issue 12 item 8): the
 * server may have acted on it. Counted at a real MockWebServer.
 */
class PostRetryTest {

    private static final int SIZE = 300_000;

    @TempDir
    Path dir;
    private MockWebServer server;
    private TransferQueue queue;
    private Path file;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        byte[] bytes = new byte[SIZE];
        new Random(12).nextBytes(bytes);
        file = Files.write(dir.resolve("form.bin"), bytes);
    }

    @AfterEach
    void stop() throws IOException {
        if (queue != null) {
            queue.close();
        }
        server.close();
    }

    private TaskSnapshot run(EngineConfig config, UploadSpec spec) throws IOException {
        queue = TransferQueue.open(dir.resolve("state"), config);
        return Queues.awaitFinished(queue, queue.add(spec));
    }

    private String url() {
        return server.url("/submit").toString();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("oops " + code).build();
    }

    /** Every request received, with the size of its body, so a test can tell a whole body arrived. */
    private List<Long> bodiesReceived() throws InterruptedException {
        List<Long> sizes = new java.util.ArrayList<>();
        for (RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS); r != null;
                r = server.takeRequest(100, TimeUnit.MILLISECONDS)) {
            sizes.add(r.getBodySize());
        }
        return sizes;
    }

    @Test
    void aRawPostAnswered500IsSentOnceAndFailsSayingWhy() throws Exception {
        server.enqueue(status(500));
        server.enqueue(status(200));

        TaskSnapshot done = run(Queues.fastConfig(), new RawUploadSpec(file, url(), "POST", null));

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(bodiesReceived()).containsExactly((long) SIZE);
        assertThat(done.record().message())
                .startsWith("HTTP 500 Internal Server Error from " + url() + ": oops 500. ")
                .contains("may have acted on it already").contains("--retry-post");
    }

    @Test
    void aMultipartPostAnswered502IsSentOnce() throws Exception {
        server.enqueue(status(502));
        server.enqueue(status(200));

        TaskSnapshot done = run(Queues.fastConfig(), new MultipartUploadSpec(url(),
                List.of(new FormPart.TextField("title", "report"), FormPart.FileField.of("file", file))));

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(bodiesReceived()).hasSize(1).allSatisfy(size -> assertThat(size).isGreaterThan(SIZE));
        assertThat(done.record().message()).startsWith("HTTP 502 Bad Gateway from ").contains("--retry-post");
    }

    @Test
    void aPostAnswered503WithRetryAfterIsSentAgainAndCompletes() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
        server.enqueue(status(200));

        TaskSnapshot done = run(Queues.fastConfig(), new RawUploadSpec(file, url(), "POST", null));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(bodiesReceived()).containsExactly((long) SIZE, (long) SIZE);
    }

    @Test
    void aPostAnswered503WithoutRetryAfterIsSentOnce() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(200));

        TaskSnapshot done = run(Queues.fastConfig(), new RawUploadSpec(file, url(), "POST", null));

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(bodiesReceived()).hasSize(1);
    }

    @Test
    void aPostThatGotNoAnswerIsSentAgain() throws Exception {
        // The whole body is read, then the connection is dropped before any status line.
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(status(201));

        TaskSnapshot done = run(Queues.fastConfig(), new RawUploadSpec(file, url(), "POST", null));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(bodiesReceived()).containsExactly((long) SIZE, (long) SIZE);
    }

    @Test
    void aPutAnswered500IsStillSentAgain() throws Exception {
        server.enqueue(status(500));
        server.enqueue(status(200));

        TaskSnapshot done = run(Queues.fastConfig(), new RawUploadSpec(file, url(), "PUT", null));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(bodiesReceived()).containsExactly((long) SIZE, (long) SIZE);
    }

    @Test
    void withTheOptInAPostAnswered500IsSentAgain() throws Exception {
        server.enqueue(status(500));
        server.enqueue(status(200));

        TaskSnapshot done = run(Queues.fastConfig().withRetryNonIdempotent(true),
                new RawUploadSpec(file, url(), "POST", null));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(bodiesReceived()).containsExactly((long) SIZE, (long) SIZE);
    }
}
