package app.ferry.engine;

import static app.ferry.testing.Queues.awaitState;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.engine.request.Cookie;
import app.ferry.engine.request.Header;
import app.ferry.engine.request.RequestOptions;
import app.ferry.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TransferQueue#replaceRequest}: new request options for an idle task, saved (secrets apart), then resumed. */
class RequestReplacementTest {

    private static final byte[] CONTENT = TestServer.randomBytes(50_000, 3);

    @TempDir
    Path temp;

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void newOptionsAreSavedWithTheirSecretsApartAndSentByTheResume() throws Exception {
        server.serve("/r.bin", CONTENT).failNext(1, 403);
        Path state = temp.resolve("state");
        RequestOptions old = new RequestOptions(List.of(), null, null, List.of(Cookie.forOrigin("sid", "OLD-77")));
        RequestOptions fresh = new RequestOptions(List.of(new Header("Authorization", "Bearer NEW-88")), "Agent/2", null,
                List.of(Cookie.forOrigin("sid", "NEW-99")));
        TaskId id;
        try (TransferQueue queue = TransferQueue.open(state, fastConfig().withMaxRetries(0))) {
            id = queue.add(DownloadSpec.of(server.url("/r.bin"), temp.resolve("dl")).withRequest(old));
            awaitState(queue, id, TaskState.FAILED);

            assertThat(queue.replaceRequest(id, fresh)).isTrue();
            assertThat(queue.replaceRequest(id, fresh)).as("the same again").isFalse();
            assertThat(queue.snapshot(id).orElseThrow().record().history().getLast().text())
                    .contains("Authorization, Cookie, User-Agent").doesNotContain("NEW-");
        }
        String secrets = Files.readString(state.resolve("secrets").resolve(id.value() + ".json"), StandardCharsets.UTF_8);
        assertThat(secrets).contains("NEW-88", "NEW-99").doesNotContain("OLD-77");
        assertThat(Files.readString(state.resolve("tasks.journal"))).doesNotContain("NEW-").contains("Agent/2");

        try (TransferQueue queue = TransferQueue.open(state, fastConfig())) {
            assertThat(queue.snapshot(id).orElseThrow().record().spec().request()).isEqualTo(fresh);
            queue.resume(id);
            awaitState(queue, id, TaskState.COMPLETED);
        }
        assertThat(server.requests("/r.bin").getLast().header("Cookie")).isEqualTo("sid=NEW-99");
        assertThat(server.requests("/r.bin").getLast().header("Authorization")).isEqualTo("Bearer NEW-88");
    }

    @Test
    void aRunningOrUnknownTaskIsRefused() throws Exception {
        server.serve("/slow.bin", TestServer.randomBytes(4_000_000, 4)).throttle(200_000);
        try (TransferQueue queue = TransferQueue.open(temp.resolve("state"), fastConfig())) {
            TaskId id = queue.add(DownloadSpec.of(server.url("/slow.bin"), temp.resolve("dl")));
            awaitState(queue, id, TaskState.RUNNING);

            assertThatThrownBy(() -> queue.replaceRequest(id, RequestOptions.NONE))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("pause it before");
            assertThatThrownBy(() -> queue.replaceRequest(TaskId.random(), RequestOptions.NONE))
                    .isInstanceOf(IllegalArgumentException.class);
            queue.pause(id);
        }
    }
}
