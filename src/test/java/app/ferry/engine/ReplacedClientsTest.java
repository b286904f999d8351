package app.ferry.engine;

import static app.ferry.testing.Queues.awaitBytesDone;
import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.net.NetworkSettings;
import app.ferry.testing.TestProxy;
import app.ferry.testing.TestServer;
import app.ferry.testing.TusServer;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy change replaces the queue's client (decision 0007): the old client must end once the
 * requests under way on it are done (its selector thread and pooled connections), and no later
 * request of a running task may go to it.
 */
class ReplacedClientsTest {

    private static final Duration ENDS = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void replacedClientsEndOnceTheirRequestsAreDoneAndTheRunningDownloadCompletes() throws Exception {
        byte[] slow = TestServer.randomBytes(900_000, 21);
        byte[] later = TestServer.randomBytes(200_000, 22);
        try (TestServer server = TestServer.start(); TestProxy proxy = TestProxy.open()) {
            server.serve("/slow.bin", slow).throttle(300_000);
            server.serve("/later.bin", later);
            EngineConfig direct = fastConfig().withNetwork(new NetworkSettings(ProxySettings.NONE, Map.of()));
            try (TransferQueue queue = TransferQueue.open(temp.resolve("state"), direct)) {
                HttpClient first = queue.currentClient();
                TaskId running = queue.add(DownloadSpec.of(server.url("/slow.bin"), temp.resolve("downloads")));
                awaitBytesDone(queue, running, 100_000);

                // Three changes while the download runs on the first client.
                List<HttpClient> idle = new ArrayList<>();
                queue.reconfigure(direct.withProxy(new ProxySettings(proxy.url(null), null, null)));
                idle.add(queue.currentClient());
                queue.reconfigure(direct.withProxy(new ProxySettings(proxy.url(null), null, "example.com")));
                idle.add(queue.currentClient());
                queue.reconfigure(direct.withProxy(new ProxySettings(proxy.url(null), null, "example.org")));
                HttpClient last = queue.currentClient();
                assertThat(idle).doesNotContain(first, last).doesNotHaveDuplicates();

                // The first waits for its download; the two that never carried a request end at once.
                assertThat(queue.snapshot(running).orElseThrow().state()).isEqualTo(TaskState.RUNNING);
                assertThat(first.isTerminated()).as("the client of the download under way").isFalse();
                for (HttpClient client : idle) {
                    assertThat(client.awaitTermination(ENDS)).as("a replaced client with nothing under way ends").isTrue();
                }

                TaskSnapshot second = awaitFinished(queue,
                        queue.add(DownloadSpec.of(server.url("/later.bin"), temp.resolve("downloads"))));
                TaskSnapshot done = awaitFinished(queue, running);

                assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
                assertThat(second.state()).as(second.record().message()).isEqualTo(TaskState.COMPLETED);
                assertThat(Files.readAllBytes(temp.resolve("downloads/slow.bin"))).isEqualTo(slow);
                assertThat(Files.readAllBytes(temp.resolve("downloads/later.bin"))).isEqualTo(later);
                assertThat(server.requests("/slow.bin")).hasSize(1);
                assertThat(proxy.seen()).extracting(TestProxy.Seen::target).containsExactly(server.url("/later.bin"));
                assertThat(first.awaitTermination(ENDS)).as("the first client, once its download is done").isTrue();
                assertThat(last.isTerminated()).as("the client in use").isFalse();
            }
        }
    }

    /**
     * tus sends a PATCH per 16 MiB chunk: after a change, the next chunk goes through the new proxy
     * (not the old client, which is shut down and would refuse it), with no retry in between.
     */
    @Test
    void theNextTusChunkAfterAChangeGoesThroughTheNewProxy() throws Exception {
        byte[] content = new byte[20 << 20];
        new Random(23).nextBytes(content);
        Path file = Files.write(temp.resolve("chunks.bin"), content);
        TusServer tus = new TusServer(Files.createDirectories(temp.resolve("tus"))).start();
        try (TestProxy proxy = TestProxy.open()) {
            EngineConfig direct = fastConfig().withNetwork(new NetworkSettings(ProxySettings.NONE, Map.of()));
            try (TransferQueue queue = TransferQueue.open(temp.resolve("state"), direct)) {
                HttpClient first = queue.currentClient();
                tus.gate().holdAt(tus.gate().received() + (4 << 20));
                TaskId upload = queue.add(new TusUploadSpec(file, tus.endpoint().toString()));
                tus.gate().awaitHeld(ENDS);

                queue.reconfigure(direct.withProxy(new ProxySettings(proxy.url(null), null, null)));
                tus.gate().release();
                TaskSnapshot done = awaitFinished(queue, upload);

                assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
                assertThat(tus.uploadedBytes(done.record().upload().resumeUrl())).isEqualTo(content);
                assertThat(proxy.seen()).extracting(TestProxy.Seen::method).as("only the second chunk, no retry")
                        .containsExactly("PATCH");
                assertThat(first.awaitTermination(ENDS)).isTrue();
            }
        } finally {
            tus.stop();
        }
    }
}
