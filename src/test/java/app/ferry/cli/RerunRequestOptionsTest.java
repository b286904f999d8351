package app.ferry.cli;

import static app.ferry.testing.Queues.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.Credentials;
import app.ferry.engine.SavedTasks;
import app.ferry.testing.FerryProcess;
import app.ferry.testing.FerryRunner;
import app.ferry.testing.RecordedRequest;
import app.ferry.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command run again with new request options sends them, not the ones saved with its task (as
 * curl users expect: the command line is what is sent), and still continues where it stopped.
 */
class RerunRequestOptionsTest {

    private static final byte[] CONTENT = TestServer.randomBytes(300_000, 23);
    private static final String OLD_COOKIE = "expired-7f3a";
    private static final String NEW_COOKIE = "fresh-91c2";

    @TempDir
    Path temp;

    private TestServer server;
    private Path downloads;
    private Path stateDir;
    private final List<String> outputs = new ArrayList<>();

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
    void aNewCookieReplacesTheSavedOneAndTheDownloadContinuesWithRangeAndIfRange() throws IOException {
        server.serve("/f.bin", CONTENT).dropAfter(100_000, 1);

        int first = run("get", "--dir", downloads.toString(), "--state", stateDir.toString(), "--retries", "0",
                "--cookie", "session=" + OLD_COOKIE, server.url("/f.bin"));
        assertThat(first).as(lastErr()).isEqualTo(1);
        assertThat(filesContaining(stateDir.resolve("secrets"), OLD_COOKIE)).hasSize(1);

        int second = run("get", "--dir", downloads.toString(), "--state", stateDir.toString(),
                "--cookie", "session=" + NEW_COOKIE, server.url("/f.bin"));

        assertThat(second).as(lastErr()).isZero();
        assertThat(sha256(downloads.resolve("f.bin"))).isEqualTo(sha256(CONTENT));
        RecordedRequest resumed = server.requests("/f.bin").getLast();
        assertThat(resumed.header("Cookie")).isEqualTo("session=" + NEW_COOKIE);
        assertThat(resumed.header("Range")).startsWith("bytes=").isNotEqualTo("bytes=0-");
        assertThat(resumed.header("If-Range")).isNotNull();
        assertThat(lastErr()).contains("f.bin: using the request options of this command (Cookie) instead of those saved");
        assertThat(outputs).noneMatch(o -> o.contains(OLD_COOKIE) || o.contains(NEW_COOKIE));
        assertThat(filesContaining(stateDir, OLD_COOKIE)).isEmpty();
    }

    /**
     * Killed (not paused): the task comes back queued and starts at once with its saved cookie, so
     * the rerun pauses it, gives it the new one, and it continues from its checkpoint.
     */
    @Test
    void afterAKillTheRestartedTaskIsPausedAndContinuesWithTheNewCookie() throws IOException {
        byte[] big = TestServer.randomBytes(3 * 1024 * 1024, 29);
        server.serve("/big.bin", big).throttle(1024 * 1024);
        try (FerryProcess first = FerryProcess.start(temp.resolve("logs"), "first", "get", "--dir", downloads.toString(),
                "--state", stateDir.toString(), "-x", "1", "--cookie", "session=" + OLD_COOKIE, server.url("/big.bin"))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> !first.isAlive()
                    || Files.exists(stateDir.resolve("tasks.journal")) && SavedTasks.read(stateDir).records().stream()
                            .anyMatch(t -> t.durableBytes() > 0));
            assertThat(first.isAlive()).as(first.stderr()).isTrue();
            first.kill();
        }
        server.serve("/big.bin", big);

        int second = run("get", "--dir", downloads.toString(), "--state", stateDir.toString(),
                "--cookie", "session=" + NEW_COOKIE, server.url("/big.bin"));

        assertThat(second).as(lastErr()).isZero();
        assertThat(sha256(downloads.resolve("big.bin"))).isEqualTo(sha256(big));
        RecordedRequest last = server.requests("/big.bin").getLast();
        assertThat(last.header("Cookie")).isEqualTo("session=" + NEW_COOKIE);
        assertThat(last.header("Range")).startsWith("bytes=").isNotEqualTo("bytes=0-");
        assertThat(lastErr()).contains("big.bin: using the request options of this command (Cookie)");
    }

    @Test
    void aRerunWithTheSameOptionsSaysNothingAboutThem() {
        server.serve("/same.bin", CONTENT).failNext(1, 403);
        String[] command = {"get", "--dir", downloads.toString(), "--state", stateDir.toString(), "--retries", "0",
            "--cookie", "session=" + OLD_COOKIE, server.url("/same.bin")};

        assertThat(run(command)).isEqualTo(1);
        assertThat(run(command)).as(lastErr()).isZero();

        assertThat(lastErr()).doesNotContain("request options");
        assertThat(server.requests("/same.bin").getLast().header("Cookie")).isEqualTo("session=" + OLD_COOKIE);
    }

    /** The 401 names the -H header, not a password that was never sent; --user alone then replaces the header. */
    @Test
    void aRefusedAuthorizationHeaderIsNamedAndUserAloneReplacesIt() {
        server.serve("/private.bin", CONTENT).requireBasicAuth("ann", "pw-3k", "files");

        int first = run("get", "--dir", downloads.toString(), "--state", stateDir.toString(),
                "-H", "Authorization: Bearer WRONG-TOKEN-55", server.url("/private.bin"));

        assertThat(first).isEqualTo(1);
        assertThat(lastErr()).contains("private.bin: the server refused the Authorization header given with -H")
                .contains("with a new -H \"Authorization: ...\", or with --user USER:PASSWORD")
                .doesNotContain("asks for a user name and password");
        assertThat(run("list", "--state", stateDir.toString())).isZero();
        assertThat(outputs.get(outputs.size() - 2)).contains("refused the Authorization header given with the task")
                .doesNotContain("user name and password given");

        int second = run("get", "--dir", downloads.toString(), "--state", stateDir.toString(),
                "--user", "ann:pw-3k", server.url("/private.bin"));

        assertThat(second).as(lastErr()).isZero();
        assertThat(server.requests("/private.bin").getLast().header("Authorization"))
                .isEqualTo(new Credentials("ann", "pw-3k").basicAuthorization());
        assertThat(lastErr()).contains("using the request options of this command (no headers or cookies)");
        assertThat(outputs).noneMatch(o -> o.contains("WRONG-TOKEN-55") || o.contains("pw-3k"));
    }

    @Test
    void aNewAuthorizationHeaderReplacesTheRefusedOne() {
        server.serve("/token.bin", CONTENT).requireBasicAuth("ann", "pw-3k", "files");
        String good = new Credentials("ann", "pw-3k").basicAuthorization();

        assertThat(run("get", "--dir", downloads.toString(), "--state", stateDir.toString(),
                "-H", "Authorization: Bearer OLD-TOKEN-8", server.url("/token.bin"))).isEqualTo(1);
        int second = run("get", "--dir", downloads.toString(), "--state", stateDir.toString(),
                "-H", "Authorization: " + good, server.url("/token.bin"));

        assertThat(second).as(lastErr()).isZero();
        assertThat(server.requests("/token.bin").getLast().header("Authorization")).isEqualTo(good);
        assertThat(lastErr()).contains("(Authorization)");
    }

    /** As in curl: -H Authorization wins over --user, and the user is told. */
    @Test
    void anAuthorizationHeaderWinsOverUserAndSaysSo() {
        server.serve("/both.bin", CONTENT);

        int exit = run("get", "--dir", downloads.toString(), "--state", stateDir.toString(),
                "-H", "Authorization: Bearer B-77", "--user", "ann:pw-3k", server.url("/both.bin"));

        assertThat(exit).as(lastErr()).isZero();
        assertThat(server.requests("/both.bin").getLast().header("Authorization")).isEqualTo("Bearer B-77");
        assertThat(lastErr()).contains("--user is not sent: the -H \"Authorization: ...\" header given with it is sent instead");
    }

    /** put run again with a new cookie continues the same task (one in the list), sending the new cookie. */
    @Test
    void anUploadRunAgainWithANewCookieIsTheSameTaskWithTheNewCookie() throws IOException {
        List<String> cookies = new ArrayList<>();
        server.servlet("/up/*", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                request.getInputStream().readAllBytes();
                String cookie = request.getHeader("Cookie");
                synchronized (cookies) {
                    cookies.add(cookie);
                }
                response.setStatus(("session=" + NEW_COOKIE).equals(cookie) ? 201 : 403);
            }
        });
        Path file = Files.write(temp.resolve("photo.jpg"), CONTENT);

        assertThat(run("put", "--state", stateDir.toString(), "--retries", "0", "--cookie", "session=" + OLD_COOKIE,
                file.toString(), server.url("/up/photo.jpg"))).isEqualTo(1);
        int second = run("put", "--state", stateDir.toString(), "--cookie", "session=" + NEW_COOKIE,
                file.toString(), server.url("/up/photo.jpg"));

        assertThat(second).as(lastErr()).isZero();
        assertThat(cookies).containsExactly("session=" + OLD_COOKIE, "session=" + NEW_COOKIE);
        assertThat(run("list", "--state", stateDir.toString())).isZero();
        assertThat(outputs.get(outputs.size() - 2).lines().filter(l -> l.contains("photo.jpg"))).hasSize(1);
    }

    private int run(String... args) {
        FerryRunner.Result result = FerryRunner.inProcess(args);
        outputs.add(result.out());
        outputs.add(result.err());
        return result.exitCode();
    }

    private String lastErr() {
        return outputs.getLast();
    }

    private static List<Path> filesContaining(Path dir, String text) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
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
