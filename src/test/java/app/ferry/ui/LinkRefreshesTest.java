package app.ferry.ui;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.handoff.Download;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which waiting task a hand-off from the browser refreshes: by suggested name or URL file name, once. */
class LinkRefreshesTest {

    @TempDir
    Path temp;

    private TestServer server;
    private TransferQueue queue;
    private final LinkRefreshes refreshes = new LinkRefreshes();

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        queue = TransferQueue.open(temp.resolve("state"), fastConfig());
    }

    @AfterEach
    void stop() throws IOException {
        queue.close();
        server.close();
    }

    /** A download whose link answers 403: failed, as an expired signed link leaves it. */
    private TaskSnapshot expired(String path) {
        server.serve(path, TestServer.randomBytes(1000, 1)).failNext(100, 403);
        TaskId id = queue.add(DownloadSpec.of(server.url(path), temp.resolve("downloads")));
        TaskSnapshot failed = awaitFinished(queue, id);
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        return failed;
    }

    private static Download from(String url, String name) {
        return new Download(url, Map.of(), null, null, name, null);
    }

    @Test
    void aHandOffOfTheSameFileNameClaimsTheWaitingTaskOnce() {
        TaskSnapshot task = expired("/get/report%20final.pdf");
        refreshes.await(task.id());

        assertThat(refreshes.claim(from("https://cdn.example.com/x/other.pdf?sig=1", null), queue.snapshots())).isEmpty();
        assertThat(refreshes.claim(from("https://cdn.example.com/x/report%20final.pdf?sig=2", null), queue.snapshots()))
                .map(TaskSnapshot::id).contains(task.id());
        assertThat(refreshes.isWaiting(task.id())).isFalse();
        assertThat(refreshes.claim(from("https://cdn.example.com/x/report%20final.pdf?sig=3", null), queue.snapshots())).isEmpty();
    }

    @Test
    void theBrowsersSuggestedNameMatchesTheTasksName() {
        TaskSnapshot task = expired("/dl/12345");
        refreshes.await(task.id());

        assertThat(refreshes.claim(from("https://cdn.example.com/token/abc", task.record().name()), queue.snapshots()))
                .map(TaskSnapshot::id).contains(task.id());
    }

    @Test
    void aTaskNotMarkedIsNeverClaimed() {
        TaskSnapshot task = expired("/get/a.iso");

        assertThat(refreshes.claim(from(server.url("/get/a.iso"), "a.iso"), queue.snapshots())).isEmpty();
        assertThat(refreshes.isWaiting(task.id())).isFalse();
    }

    @Test
    void theNewSpecKeepsTheFolderChecksumAndConnections() {
        DownloadSpec old = new DownloadSpec("https://a.example/f.bin", temp, "ab".repeat(32), 3, false);

        DownloadSpec fresh = LinkRefreshes.withNewLink(old, "https://b.example/f.bin?sig=2", null);

        assertThat(fresh.url()).isEqualTo("https://b.example/f.bin?sig=2");
        assertThat(fresh.directory()).isEqualTo(temp);
        assertThat(fresh.sha256()).isEqualTo(old.sha256());
        assertThat(fresh.connections()).isEqualTo(3);
    }
}
