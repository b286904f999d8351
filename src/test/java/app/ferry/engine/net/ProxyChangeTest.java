package app.ferry.engine.net;

import static app.ferry.testing.Queues.awaitBytesDone;
import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.Credentials;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.ProxySettings;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.TestServer;
import app.ferry.testing.TestProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A proxy set while the queue runs (the window's settings): no restart, running transfers undisturbed. */
class ProxyChangeTest {

    @TempDir
    Path temp;

    @Test
    void aNewProxyCarriesTheNextDownloadsWhileARunningOneFinishesWhereItIs() throws IOException {
        byte[] slow = TestServer.randomBytes(600_000, 11);
        byte[] later = TestServer.randomBytes(200_000, 12);
        Credentials login = new Credentials("carol", "pa ss");
        try (TestServer server = TestServer.start(); TestProxy proxy = TestProxy.requiring("carol", "pa ss")) {
            server.serve("/slow.bin", slow).throttle(300_000);
            server.serve("/later.bin", later);
            EngineConfig direct = fastConfig().withNetwork(new NetworkSettings(ProxySettings.NONE, Map.of()));
            try (TransferQueue queue = TransferQueue.open(temp.resolve("state"), direct)) {
                TaskId running = queue.add(DownloadSpec.of(server.url("/slow.bin"), temp.resolve("downloads")));
                awaitBytesDone(queue, running, 100_000);

                queue.reconfigure(direct.withProxy(new ProxySettings(proxy.url(null), login, null)));
                TaskSnapshot second = awaitFinished(queue,
                        queue.add(DownloadSpec.of(server.url("/later.bin"), temp.resolve("downloads"))));
                TaskSnapshot first = awaitFinished(queue, running);

                assertThat(first.state()).as(first.record().message()).isEqualTo(TaskState.COMPLETED);
                assertThat(second.state()).as(second.record().message()).isEqualTo(TaskState.COMPLETED);
                assertThat(Files.readAllBytes(temp.resolve("downloads/slow.bin"))).isEqualTo(slow);
                assertThat(Files.readAllBytes(temp.resolve("downloads/later.bin"))).isEqualTo(later);
                assertThat(proxy.seen()).extracting(TestProxy.Seen::target).containsExactly(server.url("/later.bin"));
                assertThat(proxy.seen()).extracting(TestProxy.Seen::proxyAuthorization)
                        .containsExactly(login.basicAuthorization());
                assertThat(server.requests("/slow.bin")).hasSize(1);
            }
        }
    }

    @Test
    void turningTheProxyOffSendsTheNextDownloadDirect() throws IOException {
        try (TestServer server = TestServer.start(); TestProxy proxy = TestProxy.open()) {
            server.serve("/one.bin", TestServer.randomBytes(50_000, 13));
            server.serve("/two.bin", TestServer.randomBytes(50_000, 14));
            EngineConfig proxied = fastConfig()
                    .withNetwork(new NetworkSettings(new ProxySettings(proxy.url(null), null, null), Map.of()));
            try (TransferQueue queue = TransferQueue.open(temp.resolve("state"), proxied)) {
                TaskSnapshot one = awaitFinished(queue, queue.add(DownloadSpec.of(server.url("/one.bin"), temp)));
                queue.reconfigure(proxied.withProxy(ProxySettings.NONE));
                TaskSnapshot two = awaitFinished(queue, queue.add(DownloadSpec.of(server.url("/two.bin"), temp)));

                assertThat(one.state()).isEqualTo(TaskState.COMPLETED);
                assertThat(two.state()).isEqualTo(TaskState.COMPLETED);
                assertThat(proxy.seen()).extracting(TestProxy.Seen::target).containsExactly(server.url("/one.bin"));
            }
        }
    }
}
