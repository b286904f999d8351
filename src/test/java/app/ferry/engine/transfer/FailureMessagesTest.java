package app.ferry.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.Queues;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 9: failures of real transfers, told in Ferry's words and retried only when waiting helps. */
class FailureMessagesTest {

    @TempDir
    Path temp;
    private TestServer server;
    private TransferQueue queue;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        queue = TransferQueue.open(temp.resolve("state"), Queues.fastConfig().withMaxRetries(2));
    }

    @AfterEach
    void stop() throws IOException {
        queue.close();
        server.close();
    }

    @Test
    void aPartialFileReplacedByAFolderFailsAtOnceNamingItInsteadOfRetrying() throws Exception {
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        server.serve("/big.bin", TestServer.randomBytes(4 << 20, 3)).throttle(256 << 10);
        TaskId id = queue.add(DownloadSpec.of(server.url("/big.bin"), downloads));
        Queues.awaitBytesDone(queue, id, 64 << 10);
        queue.pause(id);
        Queues.awaitState(queue, id, TaskState.PAUSED);
        Path part = Queues.partialFile(downloads);
        Files.delete(part);
        Files.createDirectory(part);
        int historyBefore = queue.snapshot(id).orElseThrow().record().history().size();

        queue.resume(id);
        TaskSnapshot done = Queues.awaitFinished(queue, id);

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message()).isEqualTo("Cannot use " + part + ": is a directory. Fix it (or choose"
                + " another place), then resume.");
        assertThat(done.record().history().subList(historyBefore, done.record().history().size()))
                .noneMatch(e -> e.kind() == HistoryEvent.Kind.RETRYING);
    }

    @Test
    void theWatchdogsReconnectIsToldAsSilenceNotAsClosed() throws Exception {
        try (mockwebserver3.MockWebServer stalling = new mockwebserver3.MockWebServer();
             TransferQueue watched = TransferQueue.open(temp.resolve("state-idle"),
                     Queues.fastConfig().withIdleTimeout(java.time.Duration.ofSeconds(1)))) {
            stalling.start(InetAddress.getLoopbackAddress(), 0);
            // Headers at once, then silence longer than the idle timeout; the second answer is whole.
            stalling.enqueue(new mockwebserver3.MockResponse.Builder().body("0123456789")
                    .bodyDelay(6, java.util.concurrent.TimeUnit.SECONDS).build());
            stalling.enqueue(new mockwebserver3.MockResponse.Builder().body("0123456789").build());

            TaskSnapshot done = Queues.awaitFinished(watched, watched.add(DownloadSpec.of(
                    stalling.url("/quiet.txt").toString(), Files.createDirectories(temp.resolve("quiet")))));

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(done.record().history()).filteredOn(e -> e.kind() == HistoryEvent.Kind.RETRYING)
                    .singleElement().satisfies(e -> assertThat(e.text())
                            .isEqualTo("Attempt 1 failed (the server sent nothing for 1 s, so Ferry dropped the"
                                    + " connection to reconnect); retrying in " + e.text().replaceAll(".* in ", "")));
        }
    }

    @Test
    void aRedirectToAClosedPortNamesTheTarget() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String target = "http://127.0.0.1:" + closedPort + "/moved.bin";
        server.redirect("/old.bin", 302, target);

        TaskSnapshot done = Queues.awaitFinished(queue, queue.add(DownloadSpec.of(server.url("/old.bin"),
                Files.createDirectories(temp.resolve("downloads")))));

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message())
                .startsWith("Gave up after 3 failed attempts in a row: could not connect: 127.0.0.1:" + closedPort)
                .contains("for " + target + ")")
                .endsWith("Retry when the connection or the server is back.");
    }
}
