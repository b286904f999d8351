package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.Credentials;
import app.ferry.testing.FerryProcess;
import app.ferry.testing.FerryRunner;
import app.ferry.testing.TestCa;
import app.ferry.testing.TestProxy;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --proxy}, {@code --proxy-user}, {@code --noproxy} and the environment, through the real launcher. */
class ProxyOptionsTest {

    private static final String SECRET = "pr0xy-s3cret";

    @TempDir
    Path temp;

    @Test
    void anHttpsDownloadThroughAnAuthenticatedProxyWithASystemStyleCaBundle() throws IOException {
        TestCa ca = TestCa.create("CLI Test CA");
        Path bundle = Files.writeString(temp.resolve("ca-certificates.crt"), ca.pem());
        byte[] content = TestServer.randomBytes(2 * 1024 * 1024 + 1, 9);
        Path downloads = temp.resolve("downloads");
        Path state = temp.resolve("state");
        try (TestServer server = TestServer.startTls(ca.issueServer(temp.resolve("server.p12")), TestCa.PASSWORD);
             TestProxy proxy = TestProxy.requiring("carol", SECRET)) {
            server.serve("/file.bin", content);
            // A child JVM through app.ferry.Main: JvmTuning must allow Basic over CONNECT there.
            // The environment's proxy and --noproxy would send it direct; --proxy and an empty --noproxy win.
            try (FerryProcess ferry = FerryProcess.start(temp.resolve("logs"), "get", List.of(),
                    Map.of("SSL_CERT_FILE", bundle.toString(), "https_proxy", "http://127.0.0.1:9", "no_proxy", "127.0.0.1"),
                    "get", "--dir", downloads.toString(), "--state", state.toString(), "--retries", "0",
                    "--proxy", proxy.url(null), "--proxy-user", "carol:" + SECRET, "--noproxy", "",
                    server.url("/file.bin"))) {
                assertThat(ferry.waitFor(Duration.ofSeconds(120))).as(ferry.stderr()).isZero();
                assertThat(ferry.stdout() + ferry.stderr()).doesNotContain(SECRET);
            }
            assertThat(Files.readAllBytes(downloads.resolve("file.bin"))).isEqualTo(content);
            assertThat(proxy.seen()).isNotEmpty().allSatisfy(seen -> {
                assertThat(seen.method()).isEqualTo("CONNECT");
                assertThat(seen.proxyAuthorization()).isEqualTo(new Credentials("carol", SECRET).basicAuthorization());
            });
            assertThat(server.requests()).extracting(r -> r.header("Proxy-Authorization")).containsOnlyNulls();
            try (Stream<Path> files = Files.walk(state)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as("the proxy password in the state file %s", file).doesNotContain(SECRET)
                            .doesNotContain(new Credentials("carol", SECRET).basicAuthorization().substring(6));
                }
            }
        }
    }

    @Test
    void aSocksProxyIsRefusedBeforeAnythingStartsNamingTheAlternative() {
        FerryRunner.Result result = FerryRunner.inProcess("get", "--state", temp.resolve("state").toString(),
                "--dir", temp.toString(), "--proxy", "socks5://user:" + SECRET + "@127.0.0.1:1080", "http://127.0.0.1:9/x");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("ferry: --proxy is socks5://127.0.0.1:1080: Ferry cannot use a SOCKS proxy")
                .contains("Privoxy").doesNotContain(SECRET);
        assertThat(temp.resolve("state")).doesNotExist();
    }

    @Test
    void aNoProxyEntryThatCannotMatchIsRefusedNamingIt() {
        FerryRunner.Result result = FerryRunner.inProcess("get", "--state", temp.resolve("state").toString(),
                "--dir", temp.toString(), "--noproxy", "localhost,host:80:extra", "http://127.0.0.1:9/x");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("ferry: --noproxy: “host:80:extra” has too many colons");
        assertThat(temp.resolve("state")).doesNotExist();
    }

    @Test
    void theHelpListsTheProxyOptions() {
        FerryRunner.Result result = FerryRunner.inProcess("get", "--help");

        assertThat(result.out() + result.err()).contains("--proxy=URL", "--proxy-user=USER:PASSWORD", "--noproxy=LIST");
    }
}
