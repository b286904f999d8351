package app.ferry.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.Credentials;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.FormPart;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.MultipartUploadSpec;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.testing.BodyGate;
import app.ferry.testing.TestServer;
import app.ferry.testing.UploadRecorder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw, REST and multipart uploads run by the real {@link TransferQueue} against a real Jetty. */
class UploadQueueTest {

    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret-Pässwort";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path serverDir;
    private static final UploadRecorder recorder = new UploadRecorder();
    private static final BodyGate gate = new BodyGate();
    private static final Map<String, AtomicInteger> flakyCalls = new ConcurrentHashMap<>();
    private static TestServer server;

    @TempDir
    Path dir;
    private TransferQueue queue;

    @BeforeAll
    static void startServer() throws Exception {
        String expectedAuthorization = new Credentials(USER, PASSWORD).basicAuthorization();
        server = TestServer.start()
                .servlet("/store/*", recorder.store())
                .servlet("/auth/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        if (!expectedAuthorization.equals(request.getHeader("Authorization"))) {
                            recorder.record(request);
                            response.setStatus(401);
                            response.setHeader("WWW-Authenticate", "Basic realm=\"uploads\", charset=\"UTF-8\"");
                            response.getWriter().write("Who are you?");
                            return;
                        }
                        recorder.storeAndAnswer(request, response);
                    }
                })
                .servlet("/flaky/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        recorder.record(request);
                        if (flakyCalls.computeIfAbsent(request.getRequestURI(), k -> new AtomicInteger()).getAndIncrement() == 0) {
                            response.setStatus(500);
                            response.getWriter().write("database hiccup");
                        } else {
                            response.setStatus(200);
                        }
                    }
                })
                .servlet("/missing/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        recorder.record(request);
                        response.setStatus(404);
                        response.setContentType("text/plain");
                        response.getWriter().write("No such bucket: " + request.getPathInfo() + "\nSee the docs.");
                    }
                })
                .servlet("/temporary/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        recorder.record(request);
                        response.setStatus(307);
                        response.setHeader("Location", "/store" + request.getPathInfo());
                    }
                })
                .servlet("/see-other/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        recorder.record(request);
                        response.setStatus(303);
                        response.setHeader("Location", "/results/42");
                    }
                })
                .servlet("/slow/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        try {
                            gate.serve(request, r -> recorder.storeAndAnswer(r, response));
                        } catch (IOException | RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IOException(e);
                        }
                    }
                })
                .multipartServlet("/form-jetty", recorder.jettyForm(), UploadRecorder.multipartConfig(serverDir))
                .servlet("/form-commons", recorder.commonsForm(serverDir));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void openQueue() throws IOException {
        recorder.clear();
        queue = TransferQueue.open(dir.resolve("state"),
                EngineConfig.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    @AfterEach
    void closeQueue() throws IOException {
        gate.release();
        queue.close();
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private TaskSnapshot awaitSettled(TaskId id) {
        return await().atMost(TIMEOUT).until(() -> queue.snapshot(id).orElseThrow(),
                s -> !s.state().isActive());
    }

    private String url(String path) {
        return server.uri(path).toString();
    }

    @Test
    void rawPutStoresTheBodyWithTheTypeOfTheFileName() throws Exception {
        Path file = randomFile("report.json", 700_001);

        TaskSnapshot done = awaitSettled(queue.add(new RawUploadSpec(file, url("/store/report.json"), "PUT", null)));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        UploadRecorder.Request put = recorder.requests("/store/report.json").getFirst();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.contentType()).isEqualTo("application/json");
        assertThat(put.contentLength()).isEqualTo(700_001);
        assertThat(put.bytes()).isEqualTo(700_001);
        assertThat(put.sha256()).isEqualTo(Bodies.sha256(file));
        assertThat(done.record().response().status()).isEqualTo(201);
    }

    @Test
    void rawPostSendsTheGivenContentType() throws Exception {
        Path file = randomFile("data.bin", 300_000);

        TaskSnapshot done = awaitSettled(queue.add(
                new RawUploadSpec(file, url("/store/ingest"), "POST", "text/csv; charset=utf-8")));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        UploadRecorder.Request post = recorder.requests("/store/ingest").getFirst();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.contentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(post.sha256()).isEqualTo(Bodies.sha256(file));
    }

    @Test
    void restPutWithANonAsciiNameWithASpaceLandsAtThePercentEncodedPath() throws Exception {
        Path file = randomFile("local copy.jpg", 123_456);

        TaskSnapshot done = awaitSettled(queue.add(
                RawUploadSpec.restPut(file, url("/store/albums/"), "照片 1.jpg", null)));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(recorder.requests()).singleElement().satisfies(put -> {
            assertThat(put.rawPath()).isEqualTo("/store/albums/%E7%85%A7%E7%89%87%201.jpg");
            assertThat(put.path()).isEqualTo("/albums/照片 1.jpg");
            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.contentType()).isEqualTo("image/jpeg");
            assertThat(put.sha256()).isEqualTo(Bodies.sha256(file));
        });
    }

    @Test
    void basicAuthWithTheRightPasswordIsAcceptedAndTheWrongOneFailsWith401Explained() throws Exception {
        Path file = randomFile("secret.txt", 50_000);

        TaskSnapshot right = awaitSettled(queue.add(new RawUploadSpec(file, url("/auth/secret.txt"), "PUT", null),
                new Credentials(USER, PASSWORD)));
        TaskSnapshot wrong = awaitSettled(queue.add(new RawUploadSpec(file, url("/auth/wrong.txt"), "PUT", null),
                new Credentials(USER, "guess")));

        assertThat(right.state()).as(right.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(recorder.requests("/auth/secret.txt").getFirst().sha256()).isEqualTo(Bodies.sha256(file));
        assertThat(wrong.state()).isEqualTo(TaskState.FAILED);
        assertThat(wrong.record().message())
                .contains("HTTP 401 Unauthorized")
                .contains(url("/auth/wrong.txt"))
                .contains("rejected")
                .contains(USER);
        assertNoSecretsIn(dir.resolve("state"));
    }

    @Test
    void aChallengeWithoutCredentialsWaitsForThemAndThenCompletes() throws Exception {
        Path file = randomFile("later.txt", 40_000);
        TaskId id = queue.add(new RawUploadSpec(file, url("/auth/later.txt"), "PUT", null));

        TaskSnapshot waiting = awaitSettled(id);
        assertThat(waiting.state()).isEqualTo(TaskState.NEEDS_CREDENTIALS);
        assertThat(waiting.record().message()).contains("realm \"uploads\"");

        queue.provideCredentials(id, new Credentials(USER, PASSWORD));
        await().atMost(TIMEOUT).until(() -> queue.snapshot(id).orElseThrow().state() == TaskState.COMPLETED);

        List<UploadRecorder.Request> requests = recorder.requests("/auth/later.txt");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).authorization()).isNull();
        assertThat(requests.get(1).sha256()).isEqualTo(Bodies.sha256(file));
        assertNoSecretsIn(dir.resolve("state"));
    }

    @Test
    void aJsonAnswerIsKeptPrettyPrinted() throws Exception {
        Path file = randomFile("a.bin", 10);

        TaskSnapshot done = awaitSettled(queue.add(new RawUploadSpec(file, url("/store/a.bin"), "PUT", null)));

        assertThat(done.record().response().body()).isEqualTo("""
                {
                  "stored" : "/store/a.bin",
                  "bytes" : 10,
                  "sha256" : "%s"
                }""".formatted(Bodies.sha256(file)));
        assertThat(done.record().response().bodyTruncated()).isFalse();
    }

    @Test
    void aServerErrorIsRetriedWithTheWholeBodyAgain() throws Exception {
        Path file = randomFile("retry.bin", 1_000_000);

        TaskSnapshot done = awaitSettled(queue.add(new RawUploadSpec(file, url("/flaky/retry.bin"), "PUT", null)));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        List<UploadRecorder.Request> attempts = recorder.requests("/flaky/retry.bin");
        assertThat(attempts).hasSize(2);
        assertThat(attempts).allSatisfy(a -> assertThat(a.sha256()).isEqualTo(Bodies.sha256(file)));
        assertThat(done.record().history()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.RETRYING);
            assertThat(e.text()).contains("HTTP 500").contains("database hiccup");
        });
        assertThat(done.bytesDone()).isEqualTo(done.totalBytes()).isEqualTo(1_000_000);
    }

    @Test
    void notFoundFailsWithTheStatusLineAndTheStartOfTheBody() throws Exception {
        Path file = randomFile("lost.bin", 5_000);

        TaskSnapshot done = awaitSettled(queue.add(new RawUploadSpec(file, url("/missing/lost.bin"), "PUT", null)));

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message())
                .isEqualTo("HTTP 404 Not Found from " + url("/missing/lost.bin") + ": No such bucket: /lost.bin See the docs.");
        assertThat(recorder.requests("/missing/lost.bin")).hasSize(1);
    }

    @Test
    void aTemporaryRedirectSendsTheSameBodyAgain() throws Exception {
        Path file = randomFile("moved.bin", 2_000_000);

        TaskSnapshot done = awaitSettled(queue.add(new RawUploadSpec(file, url("/temporary/moved.bin"), "POST", null)));

        assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        UploadRecorder.Request first = recorder.requests("/temporary/moved.bin").getFirst();
        UploadRecorder.Request second = recorder.requests("/store/moved.bin").getFirst();
        assertThat(second.method()).isEqualTo("POST");
        assertThat(first.sha256()).isEqualTo(second.sha256()).isEqualTo(Bodies.sha256(file));
        assertThat(second.bytes()).isEqualTo(2_000_000);
        assertThat(done.bytesDone()).isEqualTo(2_000_000);
        assertThat(done.record().history()).anyMatch(e -> e.kind() == HistoryEvent.Kind.REDIRECTED);
    }

    @Test
    void seeOtherAfterAPostFailsNamingTheLocation() throws Exception {
        Path file = randomFile("form.bin", 5_000);

        TaskSnapshot done = awaitSettled(queue.add(new RawUploadSpec(file, url("/see-other/form"), "POST", null)));

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message()).contains("HTTP 303 See Other").contains("/results/42").contains("POST");
        assertThat(recorder.requests()).hasSize(1);
    }

    @Test
    void progressNeverExceedsTheTotalAndEndsEqualToIt() throws Exception {
        int size = 32 << 20;
        Path file = randomFile("progress.bin", size);
        gate.holdAt(gate.received() + (4 << 20));
        TaskId id = queue.add(new RawUploadSpec(file, url("/slow/progress.bin"), "PUT", null));
        List<TaskSnapshot> seen = new ArrayList<>();

        gate.awaitHeld(TIMEOUT);
        TaskSnapshot held = queue.snapshot(id).orElseThrow();
        gate.release();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(1)).until(() -> {
            TaskSnapshot s = queue.snapshot(id).orElseThrow();
            seen.add(s);
            return s.state().isFinished();
        });

        // Held by the server: only what the connection took is counted, far from 100%.
        assertThat(held.state()).isEqualTo(TaskState.RUNNING);
        assertThat(held.bytesDone()).isGreaterThanOrEqualTo(4 << 20).isLessThan(size);
        assertThat(seen).allSatisfy(s -> {
            assertThat(s.totalBytes()).isEqualTo(size);
            assertThat(s.bytesDone()).isBetween(0L, (long) size);
        });
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).bytesDone()).isGreaterThanOrEqualTo(seen.get(i - 1).bytesDone());
        }
        TaskSnapshot last = seen.getLast();
        assertThat(last.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(last.bytesDone()).isEqualTo(size);
        assertThat(recorder.requests("/slow/progress.bin").getFirst().sha256()).isEqualTo(Bodies.sha256(file));
    }

    @Test
    void aFileThatChangesSizeDuringTheUploadFailsTheTaskSayingSo() throws Exception {
        int size = 32 << 20;
        Path file = randomFile("growing.log", size);
        gate.holdAt(gate.received() + (4 << 20));
        TaskId id = queue.add(new RawUploadSpec(file, url("/slow/growing.log"), "PUT", null));

        gate.awaitHeld(TIMEOUT);
        Files.writeString(file, "one more line\n", StandardOpenOption.APPEND);
        gate.release();
        TaskSnapshot done = awaitSettled(id);

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message())
                .isEqualTo(file + " changed size during upload: was " + size + " bytes, now " + (size + 14));
    }

    @Test
    void aFileRewrittenInPlaceWithTheSameSizeDuringTheUploadFailsAndIsNeverReportedDone() throws Exception {
        int size = 32 << 20;
        Path file = randomFile("edited.bin", size);
        byte[] newVersion = new byte[size];
        new Random(99).nextBytes(newVersion);
        List<TaskState> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        queue.addListener(new app.ferry.engine.TransferListener() {
            @Override
            public void stateChanged(TaskSnapshot snapshot) {
                seen.add(snapshot.state());
            }
        });
        gate.holdAt(gate.received() + (4 << 20));
        TaskId id = queue.add(new RawUploadSpec(file, url("/slow/edited.bin"), "PUT", null));

        gate.awaitHeld(TIMEOUT);
        // Rewritten in place, as an editor that saves without a rename does: same inode, same size.
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(newVersion));
        }
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + 5_000));
        gate.release();
        TaskSnapshot done = awaitSettled(id);

        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.record().message())
                .startsWith(file + " changed while it was being uploaded: it was modified at ");
        assertThat(seen).doesNotContain(TaskState.COMPLETED);
        assertThat(done.record().history()).noneMatch(e -> e.kind() == HistoryEvent.Kind.COMPLETED);
        // Not sent again: a file still being written would most likely be caught half-written again.
        assertThat(recorder.requests("/slow/edited.bin")).allSatisfy(r -> assertThat(r.bytes()).isLessThan(size));
    }

    @Test
    void aMultipartFormIsParsedTheSameByJettyAndByCommonsFileUpload() throws Exception {
        Path first = randomFile("notes.txt", 150_000);
        Path second = randomFile("IMG_0001.bin", 400_000);
        List<FormPart> parts = List.of(
                new FormPart.TextField("title", "Ferien 照片 – day 1"),
                new FormPart.TextField("tags", "a;b,\"c\""),
                FormPart.FileField.of("userfile[]", first),
                new FormPart.FileField("userfile[]", second, "aaa.jpg", "image/jpeg"));

        TaskSnapshot jetty = awaitSettled(queue.add(new MultipartUploadSpec(url("/form-jetty"), parts)));
        TaskSnapshot commons = awaitSettled(queue.add(new MultipartUploadSpec(url("/form-commons"), parts)));

        assertThat(jetty.state()).as(jetty.record().message()).isEqualTo(TaskState.COMPLETED);
        assertThat(commons.state()).as(commons.record().message()).isEqualTo(TaskState.COMPLETED);
        List<UploadRecorder.FormPart> expected = List.of(
                new UploadRecorder.FormPart("title", null, null, Bodies.sha256("Ferien 照片 – day 1".getBytes(StandardCharsets.UTF_8))),
                new UploadRecorder.FormPart("tags", null, null, Bodies.sha256("a;b,\"c\"".getBytes(StandardCharsets.UTF_8))),
                new UploadRecorder.FormPart("userfile[]", "notes.txt", "text/plain", Bodies.sha256(first)),
                new UploadRecorder.FormPart("userfile[]", "aaa.jpg", "image/jpeg", Bodies.sha256(second)));
        assertThat(recorder.forms()).hasSize(2).allSatisfy(form -> assertThat(form.parts()).isEqualTo(expected));
        UploadRecorder.Form byJetty = recorder.forms().get(0);
        UploadRecorder.Form byCommons = recorder.forms().get(1);
        assertThat(byJetty.parser()).isEqualTo("jetty");
        assertThat(byJetty.contentLength()).isEqualTo(jetty.totalBytes());
        assertThat(byCommons.contentLength()).isEqualTo(byCommons.bytesRead()).isEqualTo(commons.totalBytes());
        assertThat(commons.bytesDone()).isEqualTo(commons.totalBytes());
    }

    /** Neither the password nor its Basic encoding may reach any file of the state directory. */
    static void assertNoSecretsIn(Path stateDir) throws IOException {
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(stateDir)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).isNotEmpty();
            for (Path file : regular) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                assertThat(text).as(file.toString()).doesNotContain(PASSWORD).doesNotContain(basic).doesNotContain("guess\"");
            }
        }
    }
}
