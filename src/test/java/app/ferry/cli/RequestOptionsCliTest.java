package app.ferry.cli;

import static app.ferry.testing.Queues.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.testing.FerryProcess;
import app.ferry.testing.RecordedRequest;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code -H}, {@code -A}, {@code --referer}, {@code --cookie}, {@code --load-cookies}: checked, sent, kept secret. */
class RequestOptionsCliTest {

    private static final byte[] CONTENT = TestServer.randomBytes(120_000, 11);
    private static final String BEARER = "S3CRET-BEARER-51d0";
    private static final String COOKIE = "COOKIE-S3CRET-a7e2";
    private static final String PASSWORD = "PASSW0RD-S3CRET-c4f9";
    private static final String PROXY_PASSWORD = "Pr0xyPassw0rd-6d1f";

    @TempDir
    Path temp;

    private TestServer server;
    private Path downloads;
    private Path stateDir;

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

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "-H             | NoColonHere            | no name before a colon",
        "-H             | Host: example.com      | the HTTP client sets it itself",
        "-H             | Content-Length: 5      | the HTTP client sets it itself",
        "-H             | Connection: close      | the HTTP client sets it itself",
        "-H             | Range: bytes=0-        | Ferry sets it itself",
        "-H             | Bad Name: x            | is not a header name",
        "--cookie       | justavalue             | Cookie 1 has no NAME=",
        "--referer      | javascript:alert(1)    | --referer takes an http(s) URL",
        "--load-cookies | /nonexistent/cookies   | --load-cookies /nonexistent/cookies: no such file",
    })
    void aBadRequestOptionIsAUsageErrorAndNothingIsSent(String option, String value, String message) {
        StringWriter err = new StringWriter();
        int exit = FerryCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "get", "--dir", downloads.toString(), "--state", stateDir.toString(), option, value, server.url("/f"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("ferry: ").contains(message);
        assertThat(server.requests()).isEmpty();
        assertThat(stateDir).doesNotExist();
    }

    @Test
    void aLineBreakInAHeaderValueIsRefused() {
        StringWriter err = new StringWriter();
        int exit = FerryCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "get", "--dir", downloads.toString(), "--state", stateDir.toString(), "-H", "X-A: one\r\nX-B: two",
                server.url("/f"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("The value of header X-A contains a line break");
    }

    @Test
    void aMalformedCookieFileNamesTheLine() throws IOException {
        Path cookies = Files.writeString(temp.resolve("cookies.txt"), "# Netscape HTTP Cookie File\n127.0.0.1 FALSE / FALSE 0 a b\n");
        StringWriter err = new StringWriter();
        int exit = FerryCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "get", "--dir", downloads.toString(), "--state", stateDir.toString(), "--load-cookies", cookies.toString(),
                server.url("/f"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cookies.txt line 2: expected 7 tab-separated fields");
    }

    @Test
    void aFolderGivenAsCookieFileIsNamedAsSuch() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("cookies.d"));

        assertThat(runGet("--load-cookies", folder.toString())).isEqualTo(2);
        assertThat(lastErr).contains("--load-cookies " + folder + " is a folder, not a cookie file").doesNotContain("Exception");
    }

    @Test
    void aLineThatIsNotUtf8IsNamedByItsNumber() throws IOException {
        Path cookies = Files.write(temp.resolve("latin1.txt"), ("# Netscape HTTP Cookie File\n"
                + "127.0.0.1\tFALSE\t/\tFALSE\t0\ta\tb\n127.0.0.1\tFALSE\t/\tFALSE\t0\tc\tcaf\u00e9\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(runGet("--load-cookies", cookies.toString())).isEqualTo(2);
        assertThat(lastErr).contains(cookies + " line 3 is not UTF-8").doesNotContain("Exception");
    }

    @Test
    void aCookieFileStartingWithAByteOrderMarkIsRead() throws IOException {
        server.serve("/bom.bin", CONTENT);
        Path cookies = Files.write(temp.resolve("bom.txt"), ("\uFEFF127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\tbom-ok\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(runGet("--load-cookies", cookies.toString(), server.url("/bom.bin"))).as(lastErr).isZero();
        assertThat(server.requests("/bom.bin").getFirst().header("Cookie")).isEqualTo("sid=bom-ok");
    }

    @Test
    void aCookieFileGivenToCookieGetsAHintToUseLoadCookies() throws IOException {
        Path cookies = Files.writeString(temp.resolve("cookies.txt"), "127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\tx\n");

        assertThat(runGet("--cookie", cookies.toString())).isEqualTo(2);
        assertThat(lastErr).contains("is a file: to send the cookies of a cookie file, use --load-cookies " + cookies);
        assertThat(server.requests()).isEmpty();
    }

    private String lastErr = "";

    /** get with these options, and /f when no URL is among them. */
    private int runGet(String... options) {
        List<String> args = new ArrayList<>(List.of("get", "--dir", downloads.toString(), "--state", stateDir.toString()));
        args.addAll(List.of(options));
        if (args.stream().noneMatch(a -> a.startsWith("http://"))) {
            args.add(server.url("/f"));
        }
        StringWriter err = new StringWriter();
        int exit = FerryCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args.toArray(String[]::new));
        lastErr = err.toString();
        return exit;
    }

    /**
     * A run that fails leaves its task to resume: the secrets are only in the owner-only file; a
     * second process resumes with them; once complete they are nowhere. The password of --user is
     * never written at all (memory only). Output, logs and {@code ferry list} never show a secret.
     */
    @Test
    void secretsAreOnlyInTheOwnerOnlySecretsFileAndComeBackOnAResume() throws IOException {
        server.serve("/secret.bin", CONTENT).failNext(1, 503);
        Path cookieFile = Files.writeString(temp.resolve("cookies.txt"),
                "127.0.0.1\tFALSE\t/\tFALSE\t0\tfromfile\t" + COOKIE + "-file\n");
        Path logs = temp.resolve("logs");
        List<String> outputs = new ArrayList<>();

        try (FerryProcess first = FerryProcess.start(logs, "first", "get", "--dir", downloads.toString(), "--state",
                stateDir.toString(), "--retries", "0", "-H", "Authorization: Bearer " + BEARER, "--cookie",
                "sid=" + COOKIE, "--load-cookies", cookieFile.toString(), "--user", "ann:" + PASSWORD,
                "--referer", "http://127.0.0.1/page", "-A", "Agent/9", "-H", "X-Trace: visible",
                // A proxy with a password that this address bypasses: its password must reach no file either.
                "--proxy", "http://px:" + PROXY_PASSWORD + "@127.0.0.1:9", "--noproxy", "127.0.0.1",
                server.url("/secret.bin"))) {
            assertThat(first.waitFor(Duration.ofSeconds(60))).as(first.stderr()).isEqualTo(1);
            outputs.add(first.stdout());
            outputs.add(first.stderr());
        }
        RecordedRequest refused = server.requests("/secret.bin").getFirst();
        assertThat(refused.header("Authorization")).isEqualTo("Bearer " + BEARER);
        assertThat(refused.header("Cookie")).isEqualTo("sid=" + COOKIE + "; fromfile=" + COOKIE + "-file");

        List<Path> secretsFiles = filesContaining(stateDir, BEARER);
        assertThat(secretsFiles).singleElement().satisfies(file -> {
            assertThat(file.getParent()).isEqualTo(stateDir.resolve("secrets"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        });
        assertThat(filesContaining(stateDir, COOKIE)).isEqualTo(secretsFiles);
        assertThat(filesContaining(stateDir, PASSWORD)).isEmpty();
        assertThat(filesContaining(stateDir, PROXY_PASSWORD)).isEmpty();
        assertThat(Files.readString(stateDir.resolve("tasks.journal"))).contains("X-Trace").contains("Agent/9");

        try (FerryProcess list = FerryProcess.start(logs, "list", "list", "--state", stateDir.toString())) {
            assertThat(list.waitFor(Duration.ofSeconds(60))).as(list.stderr()).isZero();
            assertThat(list.stdout()).contains("secret.bin");
            outputs.add(list.stdout());
            outputs.add(list.stderr());
        }
        // A new process, no options given again: the task resumes with its saved ones.
        try (FerryProcess second = FerryProcess.start(logs, "second", "get", "--dir", downloads.toString(), "--state",
                stateDir.toString(), server.url("/secret.bin"))) {
            assertThat(second.waitFor(Duration.ofSeconds(60))).as(second.stderr()).isZero();
            outputs.add(second.stdout());
            outputs.add(second.stderr());
        }
        assertThat(sha256(downloads.resolve("secret.bin"))).isEqualTo(sha256(CONTENT));
        RecordedRequest resumed = server.requests("/secret.bin").getLast();
        assertThat(resumed.header("Authorization")).isEqualTo("Bearer " + BEARER);
        assertThat(resumed.header("Cookie")).isEqualTo("sid=" + COOKIE + "; fromfile=" + COOKIE + "-file");
        assertThat(resumed.header("Referer")).isEqualTo("http://127.0.0.1/page");
        assertThat(resumed.header("User-Agent")).isEqualTo("Agent/9");
        assertThat(resumed.header("X-Trace")).isEqualTo("visible");

        for (String secret : List.of(BEARER, COOKIE, PASSWORD, PROXY_PASSWORD)) {
            assertThat(filesContaining(stateDir, secret)).as("state files with " + secret).isEmpty();
            assertThat(filesContaining(logs, secret)).as("logs with " + secret).isEmpty();
            assertThat(outputs).noneMatch(output -> output.contains(secret));
        }
        assertThat(stateDir.resolve("secrets")).isEmptyDirectory();
    }

    private static List<Path> filesContaining(Path dir, String text) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
