package app.ferry.engine.download;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.awaitState;
import static app.ferry.testing.Queues.fastConfig;
import static app.ferry.testing.Queues.partialFile;
import static app.ferry.testing.Queues.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.engine.Credentials;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.Problem;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.transfer.Redirects;
import app.ferry.engine.transfer.TransferFailure;
import app.ferry.testing.RecordedRequest;
import app.ferry.testing.ScriptedServer;
import app.ferry.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redirects, credentials, error statuses and checksums, against a real server. */
class DownloadHttpTest {

    private static final byte[] CONTENT = TestServer.randomBytes(300_000, 42);

    @TempDir
    Path temp;

    private TestServer server;
    private TransferQueue queue;
    private Path downloads;
    private Path stateDir;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        downloads = temp.resolve("downloads");
        stateDir = temp.resolve("state");
        queue = TransferQueue.open(stateDir, fastConfig().withMaxRetries(3));
    }

    @AfterEach
    void stop() throws IOException {
        queue.close();
        server.close();
    }

    // --- redirects ---

    @Test
    void aSameOriginRedirectKeepsTheCredentials() {
        server.redirect("/old", 302, "/new");
        server.serve("/new", CONTENT).requireBasicAuth("ann", "s3cret", "files");

        TaskSnapshot done = download("/old", new Credentials("ann", "s3cret"));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(server.requests("/new").getFirst().header("Authorization")).isEqualTo(basic("ann", "s3cret"));
        assertThat(done.record().download().finalUrl()).isEqualTo(server.url("/new"));
        assertThat(done.record().history()).extracting(HistoryEvent::kind).contains(HistoryEvent.Kind.REDIRECTED);
    }

    @Test
    void aCrossOriginRedirectDropsTheCredentials() {
        try (TestServer other = TestServer.start()) {
            other.serve("/file.bin", CONTENT);
            server.redirect("/old", 307, other.url("/file.bin"));

            TaskSnapshot done = download("/old", new Credentials("ann", "s3cret"));

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(server.requests("/old").getFirst().header("Authorization")).isEqualTo(basic("ann", "s3cret"));
            assertThat(other.requests("/file.bin")).singleElement()
                    .extracting(r -> r.header("Authorization")).isNull();
            assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(CONTENT));
        }
    }

    /** Checked on the rule itself: standing up TLS in a test costs more than it proves here. */
    @Test
    void anHttpsToHttpRedirectIsRefusedUnlessAllowed() throws TransferFailure.Fatal {
        URI from = URI.create("https://example.org/file.iso");
        HttpHeaders headers = HttpHeaders.of(Map.of("Location", List.of("http://example.org/file.iso")), (a, b) -> true);

        assertThatThrownBy(() -> Redirects.target(from, 302, headers, false))
                .isInstanceOf(TransferFailure.Fatal.class)
                .hasMessageContaining("Refused a redirect from https://example.org/file.iso to the unencrypted http://example.org/file.iso")
                .hasMessageContaining("allow insecure redirects")
                .hasMessageContaining("--allow-insecure-redirect");
        assertThat(Redirects.target(from, 302, headers, true)).isEqualTo(URI.create("http://example.org/file.iso"));
    }

    /** As browsers and curl: a GET has no body, so no Content-Length either. */
    @Test
    void aGetSendsNoContentLength() {
        server.serve("/plain.bin", CONTENT);

        TaskSnapshot done = download("/plain.bin", null);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(server.requests("/plain.bin")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.header("Content-Length")).isNull();
        });
    }

    /** Found by a user's trial: this Location made the HTTP client throw, reported as a bug. */
    @Test
    void aRedirectToAnAddressWithABadPortFailsAsAnInvalidAddress() {
        server.redirect("/bad", 302, "http://localhost:18081x/a");

        TaskSnapshot done = download("/bad", null);

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().problem().code()).isEqualTo(Problem.Code.REDIRECT_INVALID);
        assertThat(done.record().message()).isEqualTo("The server redirected to an invalid address: \"http://localhost:18081x/a\"");
    }

    /** nginx sends such a Location as raw UTF-8 bytes; the JDK client reads them as ISO-8859-1. */
    @Test
    void aRedirectToANonAsciiPathIsFollowedPercentEncoded() throws IOException {
        server.serve("/static/功夫 panda.mp4", CONTENT);
        String target = server.url("/static/功夫 panda.mp4");
        try (ScriptedServer redirecting = ScriptedServer.start((request, out) -> {
            out.write(("HTTP/1.1 302 Found\r\nLocation: " + target + "\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        })) {
            TaskId id = queue.add(DownloadSpec.of(redirecting.uri("/film").toString(), downloads));
            TaskSnapshot done = awaitFinished(queue, id);

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(done.record().download().finalUrl())
                    .isEqualTo(server.url("/static/%E5%8A%9F%E5%A4%AB%20panda.mp4"));
            assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(CONTENT));
        }
    }

    /** Browsers and curl follow it; java.net.URI refuses '|' as it is. */
    @Test
    void aRedirectWithCharactersAUriRefusesIsFollowedPercentEncoded() {
        server.serve("/dl", CONTENT);
        server.redirect("/pick", 302, "/dl?ids=1|2&q={a}");

        TaskSnapshot done = download("/pick", null);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(done.record().download().finalUrl()).isEqualTo(server.url("/dl?ids=1%7C2&q=%7Ba%7D"));
    }

    @Test
    void moreThanTwentyRedirectsFail() {
        server.redirect("/loop", 302, "/loop");

        TaskSnapshot done = download("/loop", null);

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message()).contains("More than 20 redirects");
        assertThat(server.requests("/loop")).hasSize(21);
    }

    // --- credentials ---

    @Test
    void aChallengeWaitsForCredentialsWhichAreNeverSaved() throws IOException {
        server.serve("/private.bin", CONTENT).requireBasicAuth("ann", "s3cret-Pa55", "x");
        TaskId id = queue.add(DownloadSpec.of(server.url("/private.bin"), downloads));

        TaskSnapshot waiting = awaitState(queue, id, TaskState.NEEDS_CREDENTIALS);
        assertThat(waiting.record().message()).contains("realm \"x\"");

        queue.provideCredentials(id, new Credentials("ann", "s3cret-Pa55"));
        TaskSnapshot done = awaitFinished(queue, id);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(CONTENT));
        String base64 = basic("ann", "s3cret-Pa55").substring("Basic ".length());
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain("s3cret-Pa55").doesNotContain(base64);
            }
        }
    }

    @Test
    void everyCredentialsAttemptIsInTheHistoryWithoutThePassword() {
        server.serve("/attempts.bin", CONTENT).requireBasicAuth("ann", "s3cret-Pa55", "x");
        TaskId id = queue.add(DownloadSpec.of(server.url("/attempts.bin"), downloads));
        awaitState(queue, id, TaskState.NEEDS_CREDENTIALS);
        queue.provideCredentials(id, new Credentials("ann", "wrong-Pa55"));
        org.awaitility.Awaitility.await("the wrong password refused").atMost(Duration.ofSeconds(20))
                .until(() -> queue.snapshot(id).orElseThrow().record().problem() instanceof Problem p
                        && p.code() == Problem.Code.CREDENTIALS_REFUSED);
        assertThat(queue.snapshot(id).orElseThrow().state()).isEqualTo(TaskState.NEEDS_CREDENTIALS);
        queue.provideCredentials(id, new Credentials("ann", "s3cret-Pa55"));
        TaskSnapshot done = awaitFinished(queue, id);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        List<Problem.Code> asked = done.record().history().stream()
                .filter(e -> e.words() != null)
                .map(e -> e.words().code())
                .filter(c -> c == Problem.Code.CREDENTIALS_NEEDED || c == Problem.Code.CREDENTIALS_REFUSED)
                .toList();
        assertThat(asked).containsExactly(Problem.Code.CREDENTIALS_NEEDED, Problem.Code.CREDENTIALS_REFUSED);
        assertThat(done.record().history()).allSatisfy(e -> assertThat(e.text()).doesNotContain("Pa55"));
    }

    @Test
    void aFailureIsInTheHistory() {
        TaskId id = queue.add(DownloadSpec.of(server.url("/nowhere.bin"), downloads));
        TaskSnapshot failed = awaitFinished(queue, id);

        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.record().history()).filteredOn(e -> e.kind() == HistoryEvent.Kind.FAILED)
                .singleElement().satisfies(e -> assertThat(e.text()).contains("404"));
    }

    // --- statuses ---

    @Test
    void a503WithRetryAfterIsRetriedAfterTheServersDelay() {
        server.serve("/busy.bin", CONTENT).failNext(1, 503, "Retry-After", "1");

        TaskSnapshot done = download("/busy.bin", null);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        List<RecordedRequest> requests = server.requests("/busy.bin");
        assertThat(requests).hasSize(2);
        assertThat(Duration.ofNanos(requests.get(1).nanoTime() - requests.get(0).nanoTime()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(done.record().history()).extracting(HistoryEvent::kind).contains(HistoryEvent.Kind.RETRYING);
    }

    @Test
    void aServerThatStaysDownFailsTheTaskWithAReason() {
        server.serve("/down.bin", CONTENT).failNext(100, 502);

        TaskSnapshot done = download("/down.bin", null);

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message()).contains("Gave up after 4 failed attempts").contains("502 Bad Gateway");
        assertThat(server.requests("/down.bin")).hasSize(4);
    }

    @Test
    void dropsThatEachMakeProgressDoNotUseUpTheRetries() {
        server.serve("/flaky.bin", CONTENT).dropAfter(40_000, 6); // Six drops, three retries allowed.

        TaskSnapshot done = download("/flaky.bin", null);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(CONTENT));
        assertThat(server.requests("/flaky.bin")).hasSize(7);
    }

    @Test
    void a404FailsAtOnce() {
        TaskSnapshot done = download("/missing.bin", null);

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message()).contains("404");
        assertThat(server.requests("/missing.bin")).hasSize(1);
    }

    // --- checksums ---

    @Test
    void theRightChecksumCompletes() {
        server.serve("/sum.bin", CONTENT);
        TaskId id = queue.add(DownloadSpec.of(server.url("/sum.bin"), downloads).withSha256(sha256(CONTENT)));

        TaskSnapshot done = awaitFinished(queue, id);

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(CONTENT));
    }

    @Test
    void aWrongChecksumFailsAndKeepsTheData() throws IOException {
        server.serve("/sum.bin", CONTENT);
        String wrong = "0".repeat(64);
        TaskId id = queue.add(DownloadSpec.of(server.url("/sum.bin"), downloads).withSha256(wrong));

        TaskSnapshot done = awaitFinished(queue, id);

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message()).contains("SHA-256 mismatch").contains(wrong).contains(sha256(CONTENT));
        assertThat(downloads.resolve("sum.bin")).doesNotExist();
        assertThat(Files.readAllBytes(partialFile(downloads))).isEqualTo(CONTENT);
    }

    private TaskSnapshot download(String path, Credentials credentials) {
        TaskId id = queue.add(DownloadSpec.of(server.url(path), downloads), credentials);
        return awaitFinished(queue, id);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
