package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.engine.EngineConfig;
import app.ferry.testing.FerryRunner;
import app.ferry.testing.TestServer;
import app.ferry.testing.UploadRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small mistakes a new user makes with request and proxy options, and what Ferry says. */
class OptionMistakesTest {

    private static final String SECRET = "pw-S3CRET-0b1e";

    @TempDir
    Path temp;

    private TestServer server;
    private Path downloads;
    private Path stateDir;
    private String out;
    private String err;

    @BeforeEach
    void start() {
        server = TestServer.start();
        downloads = temp.resolve("downloads");
        stateDir = temp.resolve("state");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anEmptyUserAgentIsRefusedBecauseJavaWouldSendItsOwn() {
        assertThat(get("-A", "")).isEqualTo(2);

        assertThat(err).contains("an empty User-Agent cannot be sent without one: Java's HTTP client would add its own");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRefererWithUserInfoIsRefusedWithoutQuotingThePassword() {
        assertThat(get("--referer", "https://ann:" + SECRET + "@example.org/page")).isEqualTo(2);

        assertThat(err).contains("--referer must not carry a user name or password").doesNotContain(SECRET);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aProxyUserWithoutColonIsRefusedWithoutQuotingIt() {
        assertThat(get("--proxy", "http://127.0.0.1:9", "--proxy-user", SECRET)).isEqualTo(2);

        assertThat(err).contains("--proxy-user takes USER:PASSWORD, and the value given has no ':'").doesNotContain(SECRET);
    }

    @Test
    void aProxyUserWithoutAProxyIsRefused() {
        assertThat(get("--proxy", "", "--proxy-user", "ann:" + SECRET)).isEqualTo(2);

        assertThat(err).contains("--proxy-user gives the credentials of a proxy, but no proxy is used").doesNotContain(SECRET);
    }

    @Test
    void aProxyUserIsForTheEnvironmentsProxyWhenNoProxyOptionIsGiven() {
        ProxyOptions alone = new ProxyOptions(null, "ann:" + SECRET, null);

        assertThatThrownBy(() -> alone.apply(EngineConfig.defaults(), Map.of()))
                .hasMessageContaining("no proxy is used: give --proxy URL as well, or set http_proxy / https_proxy");
        assertThat(alone.apply(EngineConfig.defaults(), Map.of("https_proxy", "http://127.0.0.1:3128")).network())
                .isNotNull();
    }

    @Test
    void aFormOfTextFieldsOnlyIsReportedAsSentNotAsZeroFiles() {
        server.servlet("/form/*", new UploadRecorder().store());

        int exit = run("post", "--state", stateDir.toString(), server.url("/form/x"), "-F", "a=1", "-F", "b=2");

        assertThat(exit).as(err).isZero();
        assertThat(err).contains("sent the form (2 fields): ").doesNotContain("0 files");
    }

    /** Something widened the secrets folder (a copy, chmod -R): the next run makes it owner-only again. */
    @Test
    void aWidenedSecretsFolderIsMadeOwnerOnlyAgain() throws IOException {
        server.serve("/f.bin", new byte[1000]).failNext(2, 403);
        String[] command = {"get", "--dir", downloads.toString(), "--state", stateDir.toString(), "--retries", "0",
            "--cookie", "sid=" + SECRET, server.url("/f.bin")};
        assertThat(run(command)).isEqualTo(1);
        Path secrets = stateDir.resolve("secrets");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> files = Files.list(secrets)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }

        assertThat(run(command)).isEqualTo(1);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(secrets)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file ->
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
        }
        assertThat(out + err).doesNotContain(SECRET);
    }

    private int get(String... options) {
        String[] args = Stream.concat(Stream.of("get", "--dir", downloads.toString(), "--state", stateDir.toString()),
                Stream.concat(Stream.of(options), Stream.of(server.url("/f")))).toArray(String[]::new);
        return run(args);
    }

    private int run(String... args) {
        FerryRunner.Result result = FerryRunner.inProcess(args);
        out = result.out();
        err = result.err();
        return result.exitCode();
    }
}
