package app.ferry.engine.net;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.ProxySettings;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.TestCa;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A company CA, made by the test, installed into a system-style PEM bundle that Ferry is pointed
 * at (SSL_CERT_FILE / SSL_CERT_DIR, passed as a map), and an https server whose certificate it signed.
 */
class SystemTrustTest {

    @TempDir
    static Path keys;
    private static TestCa ca;
    private static Path serverKeys;

    @TempDir
    Path temp;

    @BeforeAll
    static void makeCa() {
        ca = TestCa.create("Ferry Test Company CA");
        serverKeys = ca.issueServer(keys.resolve("server.p12"));
    }

    /** A bundle as update-ca-certificates writes it: the distribution's CAs with the added one at the end. */
    private Path systemStyleBundle() throws IOException {
        String distribution = Files.isRegularFile(SystemTrust.DISTRIBUTION_BUNDLES.getFirst())
                ? Files.readString(SystemTrust.DISTRIBUTION_BUNDLES.getFirst()) : "";
        return Files.writeString(temp.resolve("ca-certificates.crt"), distribution + ca.pem());
    }

    private TaskSnapshot download(Map<String, String> environment, TestServer server) throws IOException {
        try (TransferQueue queue = TransferQueue.open(temp.resolve("state"),
                fastConfig().withNetwork(new NetworkSettings(ProxySettings.NONE, environment)))) {
            return awaitFinished(queue, queue.add(DownloadSpec.of(server.url("/secure.bin"), temp.resolve("downloads"))));
        }
    }

    @Test
    void aCaInTheSslCertFileBundleIsTrusted() throws IOException {
        byte[] content = TestServer.randomBytes(1_000_000, 1);
        try (TestServer server = TestServer.startTls(serverKeys, TestCa.PASSWORD)) {
            server.serve("/secure.bin", content);
            TaskSnapshot done = download(Map.of("SSL_CERT_FILE", systemStyleBundle().toString()), server);

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(Files.readAllBytes(temp.resolve("downloads/secure.bin"))).isEqualTo(content);
        }
    }

    @Test
    void aCaInAnSslCertDirIsTrusted() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("certs"));
        // As c_rehash names them; another file in the directory that holds no certificate is skipped.
        Files.writeString(dir.resolve("a1b2c3d4.0"), ca.pem());
        Files.writeString(dir.resolve("README"), "not a certificate\n");
        try (TestServer server = TestServer.startTls(serverKeys, TestCa.PASSWORD)) {
            server.serve("/secure.bin", TestServer.randomBytes(10_000, 2));
            TaskSnapshot done = download(Map.of("SSL_CERT_DIR", temp.resolve("missing") + java.io.File.pathSeparator + dir), server);

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        }
    }

    @Test
    void withoutTheCaTheTaskFailsAtOnceNamingTheHostAndHowToAddACa() throws IOException {
        try (TestServer server = TestServer.startTls(serverKeys, TestCa.PASSWORD)) {
            server.serve("/secure.bin", TestServer.randomBytes(10_000, 3));
            // No SSL_CERT_FILE: Java's CAs and the distribution's bundle, which lack the test CA.
            TaskSnapshot failed = download(Map.of(), server);

            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            assertThat(failed.record().message())
                    .startsWith("The server's TLS certificate could not be verified (127.0.0.1: it is not signed by a"
                            + " certificate authority that Ferry trusts)")
                    .contains("update-ca-certificates", "SSL_CERT_FILE");
            assertThat(failed.record().history()).extracting(HistoryEvent::kind).doesNotContain(HistoryEvent.Kind.RETRYING);
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void javasOwnCasStayTrustedBesideTheSystemsAndEachIsCountedOnce() throws Exception {
        Path bundle = systemStyleBundle();
        Files.writeString(bundle, ca.pem() + ca.pem(), java.nio.file.StandardOpenOption.APPEND);
        List<X509Certificate> trusted = SystemTrust.certificates(Map.of("SSL_CERT_FILE", bundle.toString()));
        List<X509Certificate> javaOnly = SystemTrust.certificates(Map.of("SSL_CERT_FILE", temp.resolve("none").toString()));

        assertThat(trusted).contains(ca.certificate()).containsAll(javaOnly).doesNotHaveDuplicates();
        assertThat(trusted.stream().filter(ca.certificate()::equals)).hasSize(1);
        assertThat(javaOnly).doesNotContain(ca.certificate()).isNotEmpty();
    }
}
