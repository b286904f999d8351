package app.ferry.engine.download;

import static app.ferry.testing.Queues.awaitBytesDone;
import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static app.ferry.testing.Queues.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.RecordedRequest;
import app.ferry.testing.ServedFile;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed link that starts answering 403 in the middle of a download, then a new link from the
 * browser ({@link TransferQueue#refreshLink}): the same file resumes from the saved offset with a
 * 206; another version of it restarts from zero and the history says why. Never a splice.
 */
class RefreshLinkTest {

    private static final int SIZE = 1_500_000;
    /** Slow enough that the link "expires" mid-body. */
    private static final long RATE = 400_000;

    @TempDir
    Path temp;

    private TestServer server;
    private TransferQueue queue;
    private Path downloads;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        downloads = temp.resolve("downloads");
        queue = TransferQueue.open(temp.resolve("state"), fastConfig());
    }

    @AfterEach
    void stop() throws IOException {
        queue.close();
        server.close();
    }

    /** Starts the download on /old.bin, whose connection breaks at 600 kB and which then answers 403 for good. */
    private TaskId downloadUntilTheLinkExpires(byte[] content) {
        ServedFile old = server.serve("/old.bin", content).throttle(RATE).dropAfter(600_000, 1);
        TaskId id = queue.add(DownloadSpec.of(server.url("/old.bin"), downloads));
        awaitBytesDone(queue, id, 100_000);
        old.failNext(1_000, 403);
        TaskSnapshot failed = awaitFinished(queue, id);
        assertThat(failed.state()).as(failed.record().message()).isEqualTo(TaskState.FAILED);
        assertThat(failed.record().message()).contains("403");
        assertThat(failed.record().durableBytes()).isPositive();
        return id;
    }

    @Test
    void aNewLinkToTheSameFileResumesFromTheSavedOffsetWithA206() {
        byte[] content = TestServer.randomBytes(SIZE, 1);
        TaskId id = downloadUntilTheLinkExpires(content);
        long saved = queue.snapshot(id).orElseThrow().record().durableBytes();
        ServedFile fresh = server.serve("/new.bin", content);

        queue.refreshLink(id, DownloadSpec.of(server.url("/new.bin") + "?sig=fresh", downloads));
        TaskSnapshot done = awaitFinished(queue, id);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(content));
        List<RecordedRequest> requests = server.requests("/new.bin");
        assertThat(requests).isNotEmpty();
        String range = requests.getFirst().header("Range");
        assertThat(range).startsWith("bytes=").isNotEqualTo("bytes=0-");
        assertThat(Long.parseLong(range.substring("bytes=".length(), range.indexOf('-')))).isPositive().isLessThanOrEqualTo(saved);
        assertThat(requests.getFirst().header("If-Range")).isEqualTo(fresh.etag());
        assertThat(kinds(done)).doesNotContain(HistoryEvent.Kind.RESTARTED);
        assertThat(done.record().history()).anySatisfy(e -> assertThat(e.text()).startsWith("New link from 127.0.0.1"));
        assertThat(done.record().history()).noneSatisfy(e -> assertThat(e.text()).contains("sig=fresh"));
    }

    @Test
    void aNewLinkToAChangedFileRestartsFromZeroAndSaysWhy() {
        byte[] content = TestServer.randomBytes(SIZE, 2);
        byte[] changed = TestServer.randomBytes(SIZE, 3);
        TaskId id = downloadUntilTheLinkExpires(content);
        server.serve("/new.bin", changed);

        queue.refreshLink(id, DownloadSpec.of(server.url("/new.bin"), downloads));
        TaskSnapshot done = awaitFinished(queue, id);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(changed));
        assertThat(kinds(done)).contains(HistoryEvent.Kind.RESTARTED);
        assertThat(done.record().history()).filteredOn(e -> e.kind() == HistoryEvent.Kind.RESTARTED)
                .allSatisfy(e -> assertThat(e.text()).isNotBlank());
    }

    @Test
    void aRunningTaskOrAnotherFolderIsRefusedWithTheReason() {
        server.serve("/slow.bin", TestServer.randomBytes(SIZE, 4)).throttle(RATE);
        TaskId id = queue.add(DownloadSpec.of(server.url("/slow.bin"), downloads));
        awaitBytesDone(queue, id, 10_000);

        assertThatThrownBy(() -> queue.refreshLink(id, DownloadSpec.of(server.url("/other.bin"), downloads)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pause it");
        queue.pause(id);
        assertThatThrownBy(() -> queue.refreshLink(id, DownloadSpec.of(server.url("/other.bin"), temp.resolve("elsewhere"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keeps the task's folder");
        assertThat(queue.snapshot(id).orElseThrow().record().spec()).isEqualTo(DownloadSpec.of(server.url("/slow.bin"), downloads));
    }

    private static List<HistoryEvent.Kind> kinds(TaskSnapshot task) {
        return task.record().history().stream().map(HistoryEvent::kind).toList();
    }
}
