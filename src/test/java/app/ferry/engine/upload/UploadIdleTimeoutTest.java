package app.ferry.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.EngineConfig;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.BodyGate;
import app.ferry.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idle timeout is for a connection that moves nothing: an upload whose body keeps moving
 * for longer than it must not be cut. Before, only tus told the watchdog that bytes went out,
 * so a raw or multipart upload longer than the timeout (60 s by default) was dropped and sent
 * again from its start, for ever.
 */
class UploadIdleTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final BodyGate gate = new BodyGate();
    private TestServer server;
    private TransferQueue queue;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start().servlet("/store/*", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                try {
                    gate.serve(request, r -> {
                        r.getInputStream().readAllBytes();
                        response.setStatus(201);
                    });
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        });
        // 4 MiB at 1 MiB/s: about four seconds of a body that moves all the time, against a 2 s timeout.
        queue = TransferQueue.open(dir.resolve("state"), EngineConfig.defaults()
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).withMaxRetries(1)
                .withIdleTimeout(Duration.ofSeconds(2)).withLimits(0, 1024 * 1024));
    }

    @AfterEach
    void stop() throws IOException {
        gate.release();
        queue.close();
        server.close();
    }

    @Test
    void aRawUploadLongerThanTheIdleTimeoutIsNotCutWhileItsBodyMoves() throws Exception {
        byte[] bytes = new byte[4 * 1024 * 1024];
        new Random(4).nextBytes(bytes);
        Path file = Files.write(dir.resolve("long.bin"), bytes);

        TaskId id = queue.add(new RawUploadSpec(file, server.url("/store/long.bin"), "PUT", null));
        TaskSnapshot done = await().atMost(TIMEOUT).until(() -> queue.snapshot(id).orElseThrow(),
                s -> !s.state().isActive());

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(gate.reads()).as("sent once").hasSize(1);
    }
}
