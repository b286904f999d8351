package app.ferry.engine.request;

import static app.ferry.testing.Queues.awaitBytesDone;
import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.awaitState;
import static app.ferry.testing.Queues.fastConfig;
import static app.ferry.testing.Queues.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.FerryBuild;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.RecordedRequest;
import app.ferry.testing.ServedFile;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's headers, cookies, Referer and User-Agent, checked at a real server: on every request
 * of a download, every segment's, after a restart of the queue, and not after a redirect to
 * another origin.
 */
class RequestOptionsDownloadTest {

    private static final String BEARER = "Bearer S3CRET-BEARER-7f3a";
    private static final String COOKIE_SECRET = "COOKIE-SECRET-9b2c";
    private static final long FUTURE = 4_102_444_800L; // 2100-01-01
    private static final long PAST = 946_684_800L; // 2000-01-01

    @TempDir
    Path temp;

    private TestServer server;
    private TestServer other;
    private Path downloads;
    private Path stateDir;

    @BeforeEach
    void start() {
        server = TestServer.start();
        other = TestServer.start();
        downloads = temp.resolve("downloads");
        stateDir = temp.resolve("state");
    }

    @AfterEach
    void stop() {
        server.close();
        other.close();
    }

    /** A Netscape file of which only the lines for 127.0.0.1, path /files, not secure and not expired match. */
    private static List<Cookie> cookieFile() {
        String file = String.join("\n",
                "# Netscape HTTP Cookie File",
                "# written by a browser extension",
                "",
                "127.0.0.1\tFALSE\t/files\tFALSE\t" + FUTURE + "\tsession\t" + COOKIE_SECRET,
                "#HttpOnly_127.0.0.1\tFALSE\t/\tFALSE\t0\thttponly\tyes",
                "127.0.0.1\tFALSE\t/\tFALSE\t" + PAST + "\texpired\tstale",
                ".example.com\tTRUE\t/\tFALSE\t" + FUTURE + "\telsewhere\tnope",
                "127.0.0.1\tFALSE\t/private\tFALSE\t" + FUTURE + "\twrongpath\tnope",
                "127.0.0.1\tFALSE\t/\tTRUE\t" + FUTURE + "\tsecureonly\tnope",
                "");
        return NetscapeCookieFile.parse(file, "cookies.txt");
    }

    private static RequestOptions options() {
        List<Cookie> cookies = new java.util.ArrayList<>(cookieFile());
        cookies.addAll(CookieString.parse("lang=en"));
        return new RequestOptions(List.of(new Header("X-Custom", "one"), new Header("Authorization", BEARER),
                new Header("Accept", "application/octet-stream")), "TestAgent/2.0", "http://127.0.0.1/page.html", cookies);
    }

    private static void assertCarriesOptions(RecordedRequest request) {
        assertThat(request.header("User-Agent")).isEqualTo("TestAgent/2.0");
        assertThat(request.header("Referer")).isEqualTo("http://127.0.0.1/page.html");
        assertThat(request.header("X-Custom")).isEqualTo("one");
        assertThat(request.header("Accept")).isEqualTo("application/octet-stream");
        assertThat(request.header("Authorization")).isEqualTo(BEARER);
        // Longer path first (RFC 6265 §5.4); the expired, other-domain, wrong-path and secure lines stay home.
        assertThat(request.header("Cookie")).isEqualTo("session=" + COOKIE_SECRET + "; httponly=yes; lang=en");
    }

    @Test
    void everySegmentCarriesTheOptionsBeforeAndAfterARestart() throws IOException {
        byte[] content = TestServer.randomBytes(8 * 1024 * 1024, 5);
        ServedFile file = server.serve("/files/big.bin", content).throttle(3 * 1024 * 1024);
        DownloadSpec spec = new DownloadSpec(server.url("/files/big.bin"), downloads, null, 4, false)
                .withRequest(options());
        TaskId id;
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig().withConnections(4))) {
            id = queue.add(spec);
            awaitBytesDone(queue, id, 1_500_000);
            queue.pause(id);
            awaitState(queue, id, TaskState.PAUSED);
        }
        int before = server.requests("/files/big.bin").size();
        assertThat(before).as("segments started").isGreaterThan(1);
        assertSecretsKeptApart(id);

        file.throttle(0);
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig().withConnections(4))) {
            assertThat(queue.snapshot(id).orElseThrow().record().spec().request()).isEqualTo(spec.request());
            queue.resume(id);
            TaskSnapshot done = awaitFinished(queue, id);
            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(content));
        }
        List<RecordedRequest> requests = server.requests("/files/big.bin");
        assertThat(requests.size()).as("requests after the restart").isGreaterThan(before);
        assertThat(requests.stream().filter(r -> r.header("Range") != null)).as("ranged requests").hasSizeGreaterThan(2);
        requests.forEach(RequestOptionsDownloadTest::assertCarriesOptions);
        // Completed: the secrets are no longer kept anywhere.
        assertThat(TaskSecretsFiles.of(stateDir)).isEmpty();
        assertThat(grep(stateDir, COOKIE_SECRET)).isEmpty();
        assertThat(grep(stateDir, "S3CRET-BEARER")).isEmpty();
    }

    /** Paused: the journal holds no secret; only the task's owner-only secrets file does. */
    private void assertSecretsKeptApart(TaskId id) throws IOException {
        Path secrets = stateDir.resolve("secrets").resolve(id.value() + ".json");
        assertThat(grep(stateDir, COOKIE_SECRET)).containsExactly(secrets);
        assertThat(grep(stateDir, "S3CRET-BEARER")).containsExactly(secrets);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.getParent())))
                .isEqualTo("rwx------");
        // What is not secret stays in the journal with the task.
        assertThat(Files.readString(stateDir.resolve("tasks.journal"))).contains("X-Custom").contains("TestAgent/2.0");
    }

    @Test
    void aRedirectToAnotherOriginDropsCookiesHeadersAndReferer() throws IOException {
        byte[] content = TestServer.randomBytes(50_000, 6);
        other.serve("/files/moved.bin", content);
        server.redirect("/files/start", 302, other.url("/files/moved.bin"));
        server.serve("/files/here.bin", content);
        server.redirect("/files/local", 302, "/files/here.bin");

        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            TaskId away = queue.add(DownloadSpec.of(server.url("/files/start"), downloads.resolve("a")).withRequest(options()));
            TaskId near = queue.add(DownloadSpec.of(server.url("/files/local"), downloads.resolve("b")).withRequest(options()));
            assertThat(awaitFinished(queue, away).state()).isEqualTo(TaskState.COMPLETED);
            assertThat(awaitFinished(queue, near).state()).isEqualTo(TaskState.COMPLETED);
        }

        assertCarriesOptions(server.requests("/files/start").getFirst());
        RecordedRequest elsewhere = other.requests("/files/moved.bin").getFirst();
        assertThat(elsewhere.header("Cookie")).isNull();
        assertThat(elsewhere.header("Authorization")).isNull();
        assertThat(elsewhere.header("X-Custom")).isNull();
        assertThat(elsewhere.header("Referer")).isNull();
        // The User-Agent is not the origin's secret: a server checks it after a redirect too.
        assertThat(elsewhere.header("User-Agent")).isEqualTo("TestAgent/2.0");
        // Within the origin everything follows, and the cookies are matched against the new path.
        assertCarriesOptions(server.requests("/files/here.bin").getFirst());
    }

    @Test
    void withoutOptionsTheDefaultUserAgentAndNothingElseIsSent() {
        server.serve("/plain.bin", TestServer.randomBytes(1000, 7));
        try (TransferQueue queue = TransferQueue.open(stateDir, fastConfig())) {
            TaskId id = queue.add(DownloadSpec.of(server.url("/plain.bin"), downloads));
            assertThat(awaitFinished(queue, id).state()).isEqualTo(TaskState.COMPLETED);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        RecordedRequest request = server.requests("/plain.bin").getFirst();
        assertThat(request.header("User-Agent")).isEqualTo(FerryBuild.userAgent());
        assertThat(request.header("Cookie")).isNull();
        assertThat(request.header("Referer")).isNull();
        assertThat(stateDir.resolve("secrets")).doesNotExist();
    }

    /** The files under {@code dir} that contain {@code text}. */
    static List<Path> grep(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(f, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            String haystack = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return haystack.contains(new String(needle, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The secrets files of a state directory. */
    static final class TaskSecretsFiles {
        static List<Path> of(Path stateDir) throws IOException {
            Path dir = stateDir.resolve("secrets");
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.toList();
            }
        }
    }
}
