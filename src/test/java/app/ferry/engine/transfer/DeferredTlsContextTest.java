package app.ferry.engine.transfer;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads over real TLS from a local server with a certificate made for the test. */
class DeferredTlsContextTest {

    private static final String PASSWORD = "ferry-test";

    @TempDir
    static Path keys;
    private static Path keyStore;

    @TempDir
    Path temp;

    @BeforeAll
    static void makeCertificate() throws IOException, InterruptedException {
        keyStore = keys.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** A context that trusts exactly the test server's certificate, counting how often it is asked for. */
    private static SSLContext trustingTheTestServer(AtomicInteger asked) {
        return new DeferredTlsContext(() -> {
            asked.incrementAndGet();
            try (InputStream in = Files.newInputStream(keyStore)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, PASSWORD.toCharArray());
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                return context;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void anHttpsDownloadGoesThroughTheRealContextBuiltOnFirstUse() throws IOException {
        byte[] content = TestServer.randomBytes(3 * 1024 * 1024 + 17, 7);
        AtomicInteger asked = new AtomicInteger();
        try (TestServer server = TestServer.startTls(keyStore, PASSWORD);
             TransferQueue queue = TransferQueue.open(temp.resolve("state"), fastConfig().withConnections(4),
                     trustingTheTestServer(asked))) {
            server.serve("/secure.bin", content);
            assertThat(asked).as("nothing built before a TLS connection").hasValue(0);

            TaskId id = queue.add(DownloadSpec.of(server.url("/secure.bin"), temp.resolve("downloads")));
            TaskSnapshot done = awaitFinished(queue, id);

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(Files.readAllBytes(temp.resolve("downloads/secure.bin"))).isEqualTo(content);
            assertThat(asked).as("built once, shared by every connection").hasValue(1);
        }
    }

    @Test
    void anHttpsUploadArrivesIntact() throws Exception {
        // Many chunks, so the upload's reused chunks go through TLS wrapping many times over.
        byte[] content = TestServer.randomBytes(9 * 1024 * 1024 + 5, 11);
        Path file = Files.write(temp.resolve("up.bin"), content);
        AtomicReference<String> received = new AtomicReference<>();
        try (TestServer server = TestServer.startTls(keyStore, PASSWORD);
             TransferQueue queue = TransferQueue.open(temp.resolve("state"), fastConfig(),
                     trustingTheTestServer(new AtomicInteger()))) {
            server.servlet("/up.bin", new HttpServlet() {
                @Override
                protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    try (InputStream body = request.getInputStream()) {
                        received.set(sha256(body.readAllBytes()));
                    }
                    response.setStatus(201);
                }
            });
            String url = server.url("/up.bin");
            TaskSnapshot done = awaitFinished(queue, queue.add(new RawUploadSpec(file, url, "PUT", null)));

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(received.get()).isEqualTo(sha256(content));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void plainHttpNeverBuildsTheTlsContext() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        try (TestServer server = TestServer.start();
             TransferQueue queue = TransferQueue.open(temp.resolve("state"), fastConfig(), trustingTheTestServer(asked))) {
            server.serve("/plain.bin", TestServer.randomBytes(1000, 1));
            TaskId id = queue.add(DownloadSpec.of(server.url("/plain.bin"), temp.resolve("downloads")));
            assertThat(awaitFinished(queue, id).state()).isEqualTo(TaskState.COMPLETED);
        }
        assertThat(asked).hasValue(0);
    }

    @Test
    void aCertificateTheContextDoesNotTrustIsRefused() throws IOException {
        // The JDK's default trust: the test's self-made certificate is in none of its CAs.
        try (TestServer server = TestServer.startTls(keyStore, PASSWORD);
             TransferQueue queue = TransferQueue.open(temp.resolve("state"), fastConfig())) {
            server.serve("/secure.bin", TestServer.randomBytes(1000, 2));
            TaskId id = queue.add(DownloadSpec.of(server.url("/secure.bin"), temp.resolve("downloads")));
            TaskSnapshot failed = awaitFinished(queue, id);

            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            // At once, not after the retries: the next attempt would meet the same certificate.
            assertThat(failed.record().message()).startsWith("The server's TLS certificate could not be verified (")
                    .contains("add your CA to Java's trust store");
            assertThat(failed.record().history()).extracting(HistoryEvent::kind).doesNotContain(HistoryEvent.Kind.RETRYING);
            assertThat(server.requests()).as("no request reached the server").isEmpty();
            Path downloads = temp.resolve("downloads");
            if (Files.isDirectory(downloads)) {
                try (var files = Files.list(downloads)) {
                    assertThat(files.toList()).as("nothing written").isEqualTo(List.of());
                }
            }
        }
    }
}
