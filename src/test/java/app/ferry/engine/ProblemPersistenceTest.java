package app.ferry.engine;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.testing.Queues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's reason and history keep their codes across a restart, so the window can say them in
 * its language; state saved by versions without codes still loads, with its English words.
 */
class ProblemPersistenceTest {

    @TempDir
    Path temp;

    /** The JDK's own server: /a.bin is 1000 bytes, every other path a 404 (its default). */
    private HttpServer server;
    private Path stateDir;
    private Path downloads;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/a.bin", exchange -> {
            byte[] body = new byte[1000];
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        stateDir = temp.resolve("state");
        downloads = temp.resolve("downloads");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aFailuresCodeAndTheHistorysCodesSurviveARestart() throws Exception {
        TaskId missing;
        TaskId done;
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            missing = queue.add(DownloadSpec.of(url("/missing.bin"), downloads));
            done = queue.add(DownloadSpec.of(url("/a.bin"), downloads));
            awaitFinished(queue, missing);
            awaitFinished(queue, done);
        }
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            TaskRecord failed = queue.snapshot(missing).orElseThrow().record();
            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            assertThat(failed.problem().code()).isEqualTo(Problem.Code.NOT_FOUND);
            assertThat(failed.problem().args()).containsExactly("404", url("/missing.bin"));
            assertThat(failed.message()).isEqualTo(failed.problem().english()).contains("404");

            TaskRecord completed = queue.snapshot(done).orElseThrow().record();
            assertThat(completed.history()).extracting(e -> e.words() == null ? null : e.words().code())
                    .contains(Problem.Code.STARTED, Problem.Code.SAVED_AS);
            HistoryEvent saved = completed.history().stream().filter(e -> e.kind() == HistoryEvent.Kind.COMPLETED)
                    .findFirst().orElseThrow();
            assertThat(saved.words().args()).containsExactly(completed.download().finalFile().toString());
            assertThat(saved.text()).isEqualTo(saved.words().english()).startsWith("Saved as ");
        }
        // Saved once: an event with a code leaves out its English, which the code gives back.
        JsonNode history = Queues.stateFile(stateDir, done).path("history");
        assertThat(history).isNotEmpty().allSatisfy(event -> {
            assertThat(event.has("words")).isTrue();
            assertThat(event.has("text")).isFalse();
        });
    }

    @Test
    void stateWithoutCodesFromAnEarlierVersionLoadsWithItsEnglish() throws Exception {
        TaskId missing;
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            missing = queue.add(DownloadSpec.of(url("/missing.bin"), downloads));
            awaitFinished(queue, missing);
        }
        ObjectNode old = (ObjectNode) Queues.stateFile(stateDir, missing);
        assertThat(old.has("problem")).isTrue();
        old.remove("problem");
        // As earlier versions saved events: their English in "text", no code.
        old.withArray("history").forEach(event -> {
            ObjectNode e = (ObjectNode) event;
            e.put("text", e.path("words").path("english").asText());
            e.remove("words");
        });
        String english = old.get("message").asText();
        Queues.replaceSavedState(stateDir, missing, old);

        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            TaskRecord record = queue.snapshot(missing).orElseThrow().record();
            assertThat(record.state()).isEqualTo(TaskState.FAILED);
            assertThat(record.problem()).isNull();
            assertThat(record.message()).isEqualTo(english).contains("404");
            assertThat(record.history()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.words()).isNull();
                assertThat(e.text()).isNotBlank();
            });
        }
        JsonNode resaved = Queues.stateFile(stateDir, missing);
        assertThat(List.of(resaved.path("message").asText())).containsExactly(english);
    }
}
