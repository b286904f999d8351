package app.ferry.engine.request;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.Problem;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command line or a dialog now refuses (framing headers, values outside ASCII, control
 * characters) earlier versions took and saved: such a task must still load after an upgrade,
 * and one the HTTP client cannot send fails as the task's fault, never as a bug quoting a token.
 */
class SavedRequestOptionsTest {

    private static final String SECRET = "S3CRET-5e1d";

    @TempDir
    Path temp;

    private TestServer server;
    private Path downloads;
    private Path stateDir;

    @BeforeEach
    void start() {
        server = TestServer.start();
        downloads = temp.resolve("downloads");
        stateDir = temp.resolve("state");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void optionsInputNowRefusesStillLoadAfterARestart() throws IOException {
        RequestOptions saved = new RequestOptions(List.of(new Header("TE", "trailers"), new Header("X-Note", "caf\u00e9")),
                "Agent \u00fc", null, List.of(Cookie.forOrigin("session", "caf\u00e9-" + SECRET)));
        TaskId id;
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            // A 404 ends it FAILED: unfinished, so its cookie stays saved (in the secrets file).
            id = queue.add(DownloadSpec.of(server.url("/missing.bin"), downloads).withRequest(saved));
            assertThat(awaitFinished(queue, id).state()).isEqualTo(TaskState.FAILED);
        }
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            TaskSnapshot loaded = queue.snapshot(id).orElseThrow();
            assertThat(loaded.record().spec().request()).isEqualTo(saved);
        }
    }

    @Test
    void aSavedValueTheClientCannotSendFailsTheTaskWithoutQuotingIt() throws IOException {
        server.serve("/f.bin", TestServer.randomBytes(1000, 3));
        RequestOptions saved = RequestOptions.ofHeaders(List.of(new Header("X-Token", SECRET + "\u0001x")));
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            TaskId id = queue.add(DownloadSpec.of(server.url("/f.bin"), downloads).withRequest(saved));
            TaskSnapshot done = awaitFinished(queue, id);

            assertThat(done.state()).isEqualTo(TaskState.FAILED);
            assertThat(done.record().problem().code()).isEqualTo(Problem.Code.HEADER_CONTROL);
            assertThat(done.record().message()).contains("X-Token").doesNotContain(SECRET);
        }
        assertThat(server.requests("/f.bin")).isEmpty();
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getParent().getFileName().toString().equals("secrets")) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET);
                }
            }
        }
    }
}
