package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.testing.FerryProcess;
import app.ferry.testing.TestCa;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CA variable that cannot be used is said on one line of stderr with its real reason (not as the
 * JDK logger's two lines, and not at all for a file without certificates), and the certificate
 * that then fails does not advise setting the variable that is set.
 */
class CaVariablesCliTest {

    @TempDir
    Path temp;

    private List<String> stderrOfGet(Map<String, String> environment, String url) {
        try (FerryProcess child = FerryProcess.start(temp.resolve("logs"), "get", List.of(), environment, "get",
                "--retries", "0", "--dir", temp.resolve("d").toString(), "--state", temp.resolve("s").toString(), url)) {
            assertThat(child.waitFor(Duration.ofSeconds(60))).as(child.stderr()).isEqualTo(ExitCode.TRANSFER_FAILED);
            return child.stderr().lines().filter(line -> !line.isBlank()).toList();
        }
    }

    @Test
    void aMissingSslCertFileIsOneLineNamingItAndTheFailureSaysItIsBroken() throws IOException {
        TestCa ca = TestCa.create("Untrusted CA");
        Path missing = temp.resolve("x.pem");
        try (TestServer server = TestServer.startTls(ca.issueServer(temp.resolve("s.p12")), TestCa.PASSWORD)) {
            server.serve("/x.bin", TestServer.randomBytes(1000, 1));
            List<String> lines = stderrOfGet(Map.of("SSL_CERT_FILE", missing.toString()), server.url("/x.bin"));

            assertThat(lines).first().isEqualTo("ferry: SSL_CERT_FILE is " + missing + ", which cannot be used: there is"
                    + " no such file or folder. Point it at a PEM bundle of CA certificates, or unset it to use the system's");
            assertThat(lines).noneMatch(line -> line.contains("WARNING") || line.contains("SystemTrust"));
            assertThat(lines).last().asString().startsWith("ferry: x.bin: The server's TLS certificate could not be verified")
                    .contains("SSL_CERT_FILE is " + missing + ", which cannot be used (there is no such file or folder)")
                    .doesNotContain("point SSL_CERT_FILE at");
        }
    }

    @Test
    void aSslCertFileWithoutCertificatesIsSaidEvenForAnHttpDownload() throws IOException {
        Path garbage = Files.writeString(temp.resolve("garbage.pem"), "not a certificate\n");
        try (TestServer server = TestServer.start()) {
            List<String> lines = stderrOfGet(Map.of("SSL_CERT_FILE", garbage.toString()), server.url("/absent.bin"));

            assertThat(lines).first().isEqualTo("ferry: SSL_CERT_FILE is " + garbage + ", which cannot be used: there are"
                    + " no PEM certificates (-----BEGIN CERTIFICATE-----) in it. Point it at a PEM bundle of CA"
                    + " certificates, or unset it to use the system's");
            assertThat(lines).filteredOn(line -> line.contains("SSL_CERT_FILE")).hasSize(1);
        }
    }
}
