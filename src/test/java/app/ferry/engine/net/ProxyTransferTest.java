package app.ferry.engine.net;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.ferry.engine.Credentials;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.ProxySettings;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.TestCa;
import app.ferry.testing.TestProxy;
import app.ferry.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transfers through a real forward proxy (Jetty's), with and without proxy authentication. */
class ProxyTransferTest {

    @TempDir
    Path temp;

    private EngineConfig through(Map<String, String> environment, ProxySettings settings) {
        return fastConfig().withNetwork(new NetworkSettings(settings, environment));
    }

    private TaskSnapshot download(EngineConfig config, String url) throws IOException {
        try (TransferQueue queue = TransferQueue.open(temp.resolve("state"), config)) {
            return awaitFinished(queue, queue.add(DownloadSpec.of(url, temp.resolve("downloads"))));
        }
    }

    @Test
    void httpProxyFromTheEnvironmentCarriesTheDownload() throws IOException {
        byte[] content = TestServer.randomBytes(300_000, 1);
        try (TestServer server = TestServer.start(); TestProxy proxy = TestProxy.open()) {
            server.serve("/a.bin", content);
            TaskSnapshot done = download(through(Map.of("http_proxy", proxy.url(null)), ProxySettings.ENVIRONMENT),
                    server.url("/a.bin"));

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(Files.readAllBytes(temp.resolve("downloads/a.bin"))).isEqualTo(content);
            assertThat(proxy.seen()).extracting(TestProxy.Seen::target).containsExactly(server.url("/a.bin"));
        }
    }

    @Test
    void noProxyHostsGoDirectAndTheProxySeesNothing() throws IOException {
        try (TestServer server = TestServer.start(); TestProxy proxy = TestProxy.requiring("u", "p")) {
            server.serve("/direct.bin", TestServer.randomBytes(1000, 2));
            Map<String, String> environment = Map.of("http_proxy", proxy.url("u:p"), "no_proxy", "example.com, 127.0.0.0/8");
            TaskSnapshot done = download(through(environment, ProxySettings.ENVIRONMENT), server.url("/direct.bin"));

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(proxy.seen()).isEmpty();
            assertThat(server.requests()).extracting(r -> r.header("Proxy-Authorization")).containsOnlyNulls();
        }
    }

    @Test
    void theProxysCredentialsGetTheDownloadThrough() throws IOException {
        byte[] content = TestServer.randomBytes(200_000, 3);
        try (TestServer server = TestServer.start(); TestProxy proxy = TestProxy.requiring("alice", "s3cr:t é")) {
            server.serve("/auth.bin", content);
            ProxySettings manual = new ProxySettings(proxy.url(null), new Credentials("alice", "s3cr:t é"), null);
            TaskSnapshot done = download(through(Map.of(), manual), server.url("/auth.bin"));

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(Files.readAllBytes(temp.resolve("downloads/auth.bin"))).isEqualTo(content);
            assertThat(proxy.seen()).extracting(TestProxy.Seen::proxyAuthorization)
                    .containsOnly(new Credentials("alice", "s3cr:t é").basicAuthorization());
        }
    }

    @Test
    void aProxyAskingForCredentialsFailsTheTaskSayingHowToGiveThem() throws IOException {
        try (TestServer server = TestServer.start(); TestProxy proxy = TestProxy.requiring("alice", "right")) {
            server.serve("/x.bin", TestServer.randomBytes(1000, 4));
            TaskSnapshot failed = download(through(Map.of("http_proxy", proxy.url(null)), ProxySettings.ENVIRONMENT),
                    server.url("/x.bin"));

            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            assertThat(failed.record().message())
                    .isEqualTo("The proxy " + proxy.url(null) + " asks for a user name and password (HTTP 407 Proxy"
                            + " Authentication Required): give them with --proxy-user USER:PASSWORD, or in the proxy"
                            + " URL (http://USER:PASSWORD@HOST:PORT)");
            assertThat(failed.record().history()).extracting(HistoryEvent::kind).doesNotContain(HistoryEvent.Kind.RETRYING);
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void wrongProxyCredentialsFailAtOnceWithoutShowingThePassword() throws IOException {
        try (TestServer server = TestServer.startTls(keyStore(), TestCa.PASSWORD);
             TestProxy proxy = TestProxy.requiring("alice", "right")) {
            server.serve("/x.bin", TestServer.randomBytes(1000, 5));
            // An https URL: the 407 answers the CONNECT.
            TaskSnapshot failed = download(through(Map.of("https_proxy", proxy.url("alice:wrong-pw")), ProxySettings.ENVIRONMENT),
                    server.url("/x.bin"));

            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            assertThat(failed.record().message()).startsWith("The proxy " + proxy.url(null)
                    + " refused the user name and password given for it (HTTP 407 Proxy Authentication Required)")
                    .contains("--proxy-user").doesNotContain("wrong-pw").doesNotContain("alice");
            assertThat(failed.record().history()).extracting(HistoryEvent::kind).doesNotContain(HistoryEvent.Kind.RETRYING);
            assertThat(proxy.seen()).extracting(TestProxy.Seen::method).containsExactly("CONNECT");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void httpsGoesThroughAnAuthenticatedConnectTunnelAndTheServerNeverSeesTheProxyCredentials() throws IOException {
        TestCa ca = TestCa.create("Tunnel CA");
        Path bundle = Files.writeString(temp.resolve("bundle.pem"), ca.pem());
        byte[] content = TestServer.randomBytes(5 * 1024 * 1024 + 3, 6);
        try (TestServer server = TestServer.startTls(ca.issueServer(temp.resolve("server.p12")), TestCa.PASSWORD);
             TestProxy proxy = TestProxy.requiring("bob", "pw")) {
            server.serve("/secure.bin", content);
            Map<String, String> environment = Map.of("HTTPS_PROXY", proxy.url("bob:pw"), "SSL_CERT_FILE", bundle.toString());
            // Four connections: every segment opens its own tunnel.
            TaskSnapshot done = download(through(environment, ProxySettings.ENVIRONMENT).withConnections(4),
                    server.url("/secure.bin"));

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(Files.readAllBytes(temp.resolve("downloads/secure.bin"))).isEqualTo(content);
            assertThat(proxy.seen()).isNotEmpty().allSatisfy(seen -> {
                assertThat(seen.method()).isEqualTo("CONNECT");
                assertThat(seen.target()).isEqualTo("127.0.0.1:" + server.port());
                assertThat(seen.proxyAuthorization()).isEqualTo(new Credentials("bob", "pw").basicAuthorization());
            });
            assertThat(server.requests()).isNotEmpty().extracting(r -> r.header("Proxy-Authorization")).containsOnlyNulls();
        }
    }

    @Test
    void anUploadGoesThroughTheProxyToo() throws Exception {
        byte[] content = TestServer.randomBytes(700_000, 7);
        Path file = Files.write(temp.resolve("up.bin"), content);
        AtomicReference<byte[]> received = new AtomicReference<>();
        try (TestServer server = TestServer.start();
             TestProxy proxy = TestProxy.requiring("u", "p");
             TransferQueue queue = TransferQueue.open(temp.resolve("state"),
                     through(Map.of(), new ProxySettings(proxy.url("u:p"), null, null)))) {
            server.servlet("/up.bin", new HttpServlet() {
                @Override
                protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    try (InputStream body = request.getInputStream()) {
                        received.set(body.readAllBytes());
                    }
                    response.setStatus(201);
                }
            });
            String url = server.url("/up.bin");
            TaskSnapshot done = awaitFinished(queue, queue.add(new RawUploadSpec(file, url, "PUT", null)));

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(received.get()).isEqualTo(content);
            assertThat(proxy.seen()).extracting(TestProxy.Seen::method, TestProxy.Seen::target)
                    .containsExactly(tuple("PUT", url));
        }
    }

    private Path keyStore() {
        return TestCa.create("Unused CA").issueServer(temp.resolve("unused.p12"));
    }
}
