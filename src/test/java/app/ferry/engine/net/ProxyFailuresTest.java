package app.ferry.engine.net;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.Problem;
import app.ferry.engine.ProxySettings;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.TestCa;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy that cannot be reached or will not tunnel is named as the culprit, with where it was set:
 * never "could not connect" to the server, nor the JDK's "Tunnel failed, got: 403" retried three times.
 */
class ProxyFailuresTest {

    @TempDir
    Path temp;

    private TaskSnapshot download(EngineConfig config, String url) throws IOException {
        try (TransferQueue queue = TransferQueue.open(temp.resolve("state"), config.withMaxRetries(2))) {
            return awaitFinished(queue, queue.add(DownloadSpec.of(url, temp.resolve("downloads"))));
        }
    }

    private EngineConfig through(Map<String, String> environment, ProxySettings settings) {
        return fastConfig().withNetwork(new NetworkSettings(settings, environment));
    }

    /** A port nothing listens on (bound, then closed). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aProxySettingNobodyListensAtIsNamedNotTheServer() throws IOException {
        int proxyPort = closedPort();
        try (TestServer server = TestServer.start()) {
            server.serve("/y.bin", TestServer.randomBytes(1000, 1));
            ProxySettings manual = new ProxySettings("http://alice:s3cret@127.0.0.1:" + proxyPort, null, null);
            TaskSnapshot failed = download(through(Map.of(), manual), server.url("/y.bin"));

            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            Problem last = failed.record().problem().cause();
            assertThat(last.code()).isEqualTo(Problem.Code.PROXY_UNREACHABLE);
            assertThat(last.args()).containsExactly("http://127.0.0.1:" + proxyPort, "", "refused");
            assertThat(failed.record().message())
                    .contains("Could not connect to the proxy http://127.0.0.1:" + proxyPort + " (connection refused)")
                    .contains("check the proxy setting (--proxy; in the window, Settings → Proxy)")
                    .doesNotContain("127.0.0.1:" + server.port(), "s3cret", "alice");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void anUnreachableOrUnknownProxyFromTheEnvironmentNamesTheVariable() throws IOException {
        TestCa ca = TestCa.create("Unreached CA");
        int proxyPort = closedPort();
        try (TestServer server = TestServer.startTls(ca.issueServer(temp.resolve("s.p12")), TestCa.PASSWORD)) {
            server.serve("/x.bin", TestServer.randomBytes(1000, 2));
            TaskSnapshot refused = download(through(Map.of("https_proxy", "127.0.0.1:" + proxyPort), ProxySettings.ENVIRONMENT),
                    server.url("/x.bin"));
            assertThat(refused.record().message()).contains("Could not connect to the proxy http://127.0.0.1:" + proxyPort,
                    "check the https_proxy environment variable (or give --proxy)").doesNotContain(":" + server.port());

            TaskSnapshot unknown = download(through(Map.of("https_proxy", "http://u:pw@proxy.invalid:3128"),
                    ProxySettings.ENVIRONMENT), server.url("/x.bin"));
            assertThat(unknown.record().problem().cause().args())
                    .containsExactly("http://proxy.invalid:3128", "https_proxy", "unknownHost");
            assertThat(unknown.record().message())
                    .contains("Could not connect to the proxy http://proxy.invalid:3128 (its host name proxy.invalid is not known)")
                    .doesNotContain("pw@");
            assertThat(server.requests()).isEmpty();
        }
    }

    /** A proxy that answers every request with {@code status} and records the request lines it got. */
    private record RefusingProxy(ServerSocket socket, List<String> lines) implements AutoCloseable {
        static RefusingProxy answering(int status, String reason) throws IOException {
            RefusingProxy proxy = new RefusingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                    new CopyOnWriteArrayList<>());
            Thread.ofVirtual().start(() -> {
                while (!proxy.socket.isClosed()) {
                    try (Socket client = proxy.socket.accept()) {
                        InputStream in = client.getInputStream();
                        String head = readHead(in);
                        proxy.lines.add(head.lines().findFirst().orElse(""));
                        OutputStream out = client.getOutputStream();
                        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    } catch (IOException e) {
                        // The socket closed at the end of the test, or the client went away: nothing to answer.
                    }
                }
            });
            return proxy;
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                head.append((char) c);
                if (head.toString().endsWith("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void aProxyRefusingTheTunnelFailsAtOnceSayingWhatItRefused() throws IOException {
        try (RefusingProxy proxy = RefusingProxy.answering(403, "Forbidden")) {
            TaskSnapshot failed = download(through(Map.of(), new ProxySettings(proxy.url(), null, null)),
                    "https://localhost:18443/x.bin");

            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            assertThat(failed.record().problem().code()).isEqualTo(Problem.Code.PROXY_TUNNEL_REFUSED);
            assertThat(failed.record().message()).isEqualTo("The proxy " + proxy.url() + " refused to connect to"
                    + " localhost:18443 (HTTP 403 Forbidden): it does not let you reach that host or port; ask the proxy's"
                    + " administrator, or, if the server can be reached without the proxy, list its host in no_proxy (--noproxy)");
            assertThat(failed.record().history()).extracting(HistoryEvent::kind).doesNotContain(HistoryEvent.Kind.RETRYING);
            assertThat(proxy.lines()).containsExactly("CONNECT localhost:18443 HTTP/1.1");
        }
    }

    @Test
    void aWebServerGivenAsProxyIsSaidNotToBeAnHttpsProxy() throws IOException {
        try (RefusingProxy proxy = RefusingProxy.answering(501, "Not Implemented")) {
            TaskSnapshot failed = download(through(Map.of("https_proxy", proxy.url()), ProxySettings.ENVIRONMENT),
                    "https://localhost:18443/x.bin");

            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            assertThat(failed.record().message()).isEqualTo("The proxy " + proxy.url() + " answered CONNECT with HTTP 501"
                    + " Not Implemented: it is not an HTTP proxy that can carry https (a plain web server?); check the"
                    + " https_proxy environment variable (or give --proxy)");
            assertThat(failed.record().history()).extracting(HistoryEvent::kind).doesNotContain(HistoryEvent.Kind.RETRYING);
            assertThat(proxy.lines()).hasSize(1);
        }
    }

    @Test
    void aProxyThatCannotReachTheServerIsRetried() throws IOException {
        try (RefusingProxy proxy = RefusingProxy.answering(502, "Bad Gateway")) {
            TaskSnapshot failed = download(through(Map.of(), new ProxySettings(proxy.url(), null, null)),
                    "https://localhost:18443/x.bin");

            assertThat(failed.record().problem().code()).isEqualTo(Problem.Code.GAVE_UP);
            assertThat(failed.record().problem().cause().code()).isEqualTo(Problem.Code.PROXY_TUNNEL_FAILED);
            assertThat(failed.record().message()).contains("The proxy " + proxy.url()
                    + " could not reach localhost:18443 (HTTP 502 Bad Gateway)");
            assertThat(proxy.lines()).hasSize(3);
        }
    }
}
