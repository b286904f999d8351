package app.ferry.engine.net;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.Problem;
import app.ferry.engine.ProxySettings;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.TestCa;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS failures that are not "add a CA": a certificate for another name, an https:// address of a
 * plain-HTTP server, and SSL_CERT_FILE / SSL_CERT_DIR set to something that cannot be used.
 */
class CertificateFailuresTest {

    @TempDir
    static Path keys;
    private static TestCa ca;
    private static Path serverKeys;

    @TempDir
    Path temp;

    @BeforeAll
    static void makeCa() {
        ca = TestCa.create("Ferry Names CA");
        serverKeys = ca.issueServer(keys.resolve("server.p12"));
    }

    private TaskSnapshot download(Map<String, String> environment, String url) throws IOException {
        try (TransferQueue queue = TransferQueue.open(temp.resolve("state"),
                fastConfig().withMaxRetries(2).withNetwork(new NetworkSettings(ProxySettings.NONE, environment)))) {
            return awaitFinished(queue, queue.add(DownloadSpec.of(url, temp.resolve("downloads"))));
        }
    }

    @Test
    void aTrustedCertificateForAnotherNameSaysWhichNamesAndGivesNoCaAdvice() throws IOException {
        Path bundle = Files.writeString(temp.resolve("bundle.pem"), ca.pem());
        try (TestServer server = TestServer.startTls(serverKeys, TestCa.PASSWORD)) {
            server.serve("/x.bin", TestServer.randomBytes(1000, 1));
            // The certificate is for 127.0.0.1 only; "localhost" reaches the same server by another name.
            TaskSnapshot failed = download(Map.of("SSL_CERT_FILE", bundle.toString()),
                    "https://localhost:" + server.port() + "/x.bin");

            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            assertThat(failed.record().problem().code()).isEqualTo(Problem.Code.CERTIFICATE_WRONG_HOST);
            assertThat(failed.record().problem().args()).containsExactly("localhost", "127.0.0.1");
            assertThat(failed.record().message()).startsWith("The server's TLS certificate is not for localhost but for"
                    + " 127.0.0.1: the address is wrong (use one of those names), or the server is misconfigured")
                    .doesNotContain("update-ca-certificates", "SSL_CERT_FILE", "No subject alternative");
            assertThat(failed.record().history()).extracting(HistoryEvent::kind).doesNotContain(HistoryEvent.Kind.RETRYING);
        }
    }

    @Test
    void anHttpsAddressOfAPlainHttpServerFailsAtOnceSuggestingHttp() throws IOException {
        try (TestServer server = TestServer.start()) {
            server.serve("/t.bin", TestServer.randomBytes(1000, 2));
            TaskSnapshot failed = download(Map.of(), "https://127.0.0.1:" + server.port() + "/t.bin");

            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            assertThat(failed.record().problem().code()).isEqualTo(Problem.Code.NOT_TLS);
            assertThat(failed.record().message()).isEqualTo("127.0.0.1:" + server.port() + " answered in plain HTTP,"
                    + " not TLS, so https:// cannot be used there: try http://127.0.0.1:" + server.port() + "/t.bin");
            assertThat(failed.record().history()).extracting(HistoryEvent::kind).doesNotContain(HistoryEvent.Kind.RETRYING);
        }
    }

    @Test
    void eachUnusableCaVariableIsSaidWithItsPathAndRealReason() throws IOException {
        Path garbage = Files.writeString(temp.resolve("garbage.pem"), "this is not a certificate\n");
        Path empty = Files.createDirectories(temp.resolve("empty-certs"));
        Path missing = temp.resolve("missing.pem");

        assertThat(new NetworkSettings(ProxySettings.NONE, Map.of("SSL_CERT_FILE", missing.toString())).certificateProblems())
                .extracting(Problem::english).containsExactly("SSL_CERT_FILE is " + missing + ", which cannot be used:"
                        + " there is no such file or folder. Point it at a PEM bundle of CA certificates, or unset it to"
                        + " use the system's");
        assertThat(new NetworkSettings(ProxySettings.NONE, Map.of("SSL_CERT_FILE", garbage.toString(),
                "SSL_CERT_DIR", empty + java.io.File.pathSeparator + garbage)).certificateProblems())
                .extracting(Problem::args).containsExactly(
                        java.util.List.of("SSL_CERT_FILE", garbage.toString(), "noCertificates"),
                        java.util.List.of("SSL_CERT_DIR", empty.toString(), "noCertificates"),
                        java.util.List.of("SSL_CERT_DIR", garbage.toString(), "notFolder"));
        assertThat(new NetworkSettings(ProxySettings.NONE, Map.of("SSL_CERT_FILE", empty.toString())).certificateProblems())
                .extracting(p -> p.args().get(2)).containsExactly("folder");
        Path bundle = Files.writeString(temp.resolve("good.pem"), ca.pem());
        assertThat(new NetworkSettings(ProxySettings.NONE, Map.of("SSL_CERT_FILE", bundle.toString())).certificateProblems())
                .isEmpty();
    }

    @Test
    void aCertificateRefusedWhileSslCertFileIsBrokenSaysSoInsteadOfAdvisingToSetIt() throws IOException {
        Path garbage = Files.writeString(temp.resolve("garbage.pem"), "this is not a certificate\n");
        try (TestServer server = TestServer.startTls(serverKeys, TestCa.PASSWORD)) {
            server.serve("/x.bin", TestServer.randomBytes(1000, 3));
            TaskSnapshot failed = download(Map.of("SSL_CERT_FILE", garbage.toString()), server.url("/x.bin"));

            assertThat(failed.state()).isEqualTo(TaskState.FAILED);
            assertThat(failed.record().problem().code()).isEqualTo(Problem.Code.UNTRUSTED_CA_SOURCE_UNUSABLE);
            assertThat(failed.record().problem().args()).endsWith("SSL_CERT_FILE", garbage.toString(), "noCertificates");
            assertThat(failed.record().message()).startsWith("The server's TLS certificate could not be verified (127.0.0.1:"
                    + " it is not signed by a certificate authority that Ferry trusts). SSL_CERT_FILE is " + garbage
                    + ", which cannot be used (there are no PEM certificates (-----BEGIN CERTIFICATE-----) in it), so the"
                    + " CAs it should add are not trusted: point it at a PEM bundle that has the server's CA, or unset it")
                    .doesNotContain("point SSL_CERT_FILE at");
            assertThat(failed.record().history()).extracting(HistoryEvent::kind).doesNotContain(HistoryEvent.Kind.RETRYING);
        }
    }
}
