package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.Credentials;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.store.TaskStore;
import app.ferry.engine.upload.Bodies;
import app.ferry.testing.BodyGate;
import app.ferry.testing.FerryProcess;
import app.ferry.testing.FerryRunner;
import app.ferry.testing.FerryRunner.Result;
import app.ferry.testing.TestServer;
import app.ferry.testing.TusServer;
import app.ferry.testing.UploadRecorder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry put}, in this JVM and as a real child process, against Jetty and tus-java-server. */
class PutCommandTest {

    private static final int MIB = 1 << 20;
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(3);
    private static final String PASSWORD = "pa55-wörd";

    @TempDir
    static Path serverDir;
    private static final UploadRecorder recorder = new UploadRecorder();
    private static TestServer server;
    private static TusServer tus;

    @TempDir
    Path dir;
    private Path state;

    @BeforeAll
    static void startServers() throws Exception {
        String expected = new Credentials("bob", PASSWORD).basicAuthorization();
        server = TestServer.start()
                .servlet("/store/*", recorder.store())
                .servlet("/auth/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        if (expected.equals(request.getHeader("Authorization"))) {
                            recorder.storeAndAnswer(request, response);
                        } else {
                            recorder.record(request);
                            response.setStatus(401);
                            response.setHeader("WWW-Authenticate", "Basic realm=\"cli\"");
                        }
                    }
                });
        tus = new TusServer(Files.createDirectories(serverDir.resolve("tus"))).start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        tus.stop();
        server.close();
    }

    @BeforeEach
    void clear() {
        recorder.clear();
        state = dir.resolve("state");
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private String url(String path) {
        return server.uri(path).toString();
    }

    private Result ferry(String... args) {
        return FerryRunner.inProcess(args);
    }

    @Test
    void putsAFileAndPrintsTheServersAnswer() throws Exception {
        Path file = randomFile("photo.png", 3 * MIB + 7);

        Result run = ferry("put", file.toString(), url("/store/photo.png"), "--state", state.toString(), "--print-response");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        UploadRecorder.Request put = recorder.requests().getFirst();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.contentType()).isEqualTo("image/png");
        assertThat(put.sha256()).isEqualTo(Bodies.sha256(file));
        assertThat(run.out()).contains("\"sha256\" : \"" + put.sha256() + "\"");
        assertThat(run.err()).contains("uploaded photo.png: HTTP 201 Created");
    }

    @Test
    void postsWithTheGivenTypeAndPutsToANewNameUnderABaseUrl() throws Exception {
        Path file = randomFile("raw.dat", 10_000);

        Result post = ferry("put", file.toString(), url("/store/in"), "--method", "post",
                "--content-type", "application/x-ndjson", "--state", state.toString());
        Result rest = ferry("put", file.toString(), url("/store/albums/"), "--as", "照片 1.jpg", "--state", state.toString());
        Result ownName = ferry("put", file.toString(), url("/store/albums/"), "--state", state.toString());

        assertThat(List.of(post, rest, ownName)).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
        assertThat(recorder.requests()).extracting(UploadRecorder.Request::method, UploadRecorder.Request::rawPath,
                        UploadRecorder.Request::contentType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST", "/store/in", "application/x-ndjson"),
                        // The server stores it as a .jpg, so it is sent as one.
                        org.assertj.core.groups.Tuple.tuple("PUT", "/store/albums/%E7%85%A7%E7%89%87%201.jpg", "image/jpeg"),
                        org.assertj.core.groups.Tuple.tuple("PUT", "/store/albums/raw.dat", "application/octet-stream"));
        assertThat(recorder.requests()).allSatisfy(r -> assertThat(r.sha256()).isEqualTo(Bodies.sha256(file)));
    }

    @Test
    void basicAuthFromTheOptionOrTheUrlAndNoPasswordInTheStateFiles() throws Exception {
        Path file = randomFile("secret.txt", 20_000);
        String inUrl = url("/auth/b.txt").replace("http://", "http://bob:" + "pa55-w%C3%B6rd" + "@");

        Result fromOption = ferry("put", file.toString(), url("/auth/a.txt"), "--user", "bob:" + PASSWORD, "--state", state.toString());
        Result fromUrl = ferry("put", file.toString(), inUrl, "--state", state.toString());
        Result wrong = ferry("put", file.toString(), url("/auth/c.txt"), "--user", "bob:nope", "--state", state.toString());

        assertThat(fromOption.exitCode()).as(fromOption.toString()).isZero();
        assertThat(fromUrl.exitCode()).as(fromUrl.toString()).isZero();
        assertThat(recorder.requests("/auth/b.txt").getLast().sha256()).isEqualTo(Bodies.sha256(file));
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.TRANSFER_FAILED);
        assertThat(wrong.err()).contains("HTTP 401 Unauthorized").contains("rejected the password of user \"bob\"");
        String basic = new Credentials("bob", PASSWORD).basicAuthorization().substring("Basic ".length());
        String wrongBasic = new Credentials("bob", "nope").basicAuthorization().substring("Basic ".length());
        try (Stream<Path> files = Files.walk(state)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.UTF_8)).as(f.toString())
                        .doesNotContain("pa55").doesNotContain("nope").doesNotContain(basic).doesNotContain(wrongBasic);
            }
        }
    }

    @Test
    void tusUploadCompletesIdenticalOnTheServer() throws Exception {
        Path file = randomFile("big.iso", 20 * MIB + 3);

        Result run = ferry("put", "--tus", file.toString(), tus.endpoint().toString(), "--state", state.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(tus.uploadedBytes(onlyTask().upload().resumeUrl())).isEqualTo(Files.readAllBytes(file));
    }

    /**
     * {@code kill -9} at three places in the middle of PATCH bodies (in the first chunk before any
     * was acknowledged, after a chunk boundary, and again a few MiB on); every re-run asks the
     * server for its offset and sends only from there.
     */
    @Test
    void tusUploadSurvivesKillNineAndContinuesOnTheNextRun() throws Exception {
        Path file = randomFile("survivor.bin", 48 * MIB + 5);
        String[] args = {"put", "--tus", file.toString(), tus.endpoint().toString(), "--state", state.toString()};
        BodyGate gate = tus.gate();
        long serverOffset = 0;
        int run = 0;
        for (long killAfter : new long[] {3 * MIB, 20 * MIB, 4 * MIB}) {
            int readsBefore = gate.reads().size();
            gate.holdAt(gate.received() + killAfter);
            try (FerryProcess child = FerryProcess.start(dir.resolve("logs"), "killed-" + run++, args)) {
                gate.awaitHeld(CHILD_TIMEOUT);
                child.kill();
            }
            gate.release();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> gate.activeRequests() == 0);

            String upload = onlyTask().upload().resumeUrl();
            long offsetBefore = serverOffset;
            serverOffset = tus.offset(upload);
            assertThat(serverOffset).isGreaterThanOrEqualTo(offsetBefore + killAfter).isLessThan(48L * MIB);
            List<BodyGate.BodyRead> patches = gate.reads().subList(readsBefore, gate.reads().size()).stream()
                    .filter(r -> r.method().equals("PATCH")).toList();
            assertThat(patches.getFirst().uploadOffset()).as("continued from the server's offset").isEqualTo(offsetBefore);
        }
        int readsBefore = gate.reads().size();

        Result last = child(List.of(), args);

        assertThat(last.exitCode()).as(last.toString()).isZero();
        assertThat(last.err()).contains("resuming survivor.bin at " + serverOffset + " bytes");
        List<BodyGate.BodyRead> patches = gate.reads().subList(readsBefore, gate.reads().size()).stream()
                .filter(r -> r.method().equals("PATCH")).toList();
        assertThat(patches.getFirst().uploadOffset()).isEqualTo(serverOffset);
        assertThat(patches.stream().mapToLong(BodyGate.BodyRead::bytes).sum()).isEqualTo(48L * MIB + 5 - serverOffset);
        assertThat(tus.uploadedBytes(onlyTask().upload().resumeUrl())).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aRawPutOfAFileFourTimesTheHeapSucceedsInA64MiBJvm() throws Exception {
        long size = 256L * MIB;
        Path file = dir.resolve("huge.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            byte[] noise = new byte[MIB];
            new Random(7).nextBytes(noise);
            for (long at : new long[] {0, size / 2 + 777, size - noise.length}) {
                raf.seek(at);
                raf.write(noise);
            }
        }

        Result run = child(List.of("-Xmx64m"), "put", file.toString(), url("/store/huge.bin"), "--state", state.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        UploadRecorder.Request put = recorder.requests().getFirst();
        assertThat(put.contentLength()).isEqualTo(size);
        assertThat(put.bytes()).isEqualTo(size);
        assertThat(put.sha256()).isEqualTo(Bodies.sha256(file));
    }

    @Test
    void standardInputIsStreamedWithChunkedEncoding() throws Exception {
        byte[] data = new byte[5 * MIB + 3];
        new Random(5).nextBytes(data);

        Result run;
        try (FerryProcess child = FerryProcess.start(dir.resolve("logs"), "stdin",
                "put", "-", url("/store/from-stdin"), "--state", state.toString())) {
            try (OutputStream stdin = child.stdin()) {
                for (int at = 0; at < data.length; at += 64 * 1024) {
                    stdin.write(data, at, Math.min(64 * 1024, data.length - at));
                }
            }
            run = new Result(child.waitFor(CHILD_TIMEOUT), child.stdout(), child.stderr());
        }

        assertThat(run.exitCode()).as(run.toString()).isZero();
        UploadRecorder.Request put = recorder.requests().getFirst();
        assertThat(put.transferEncoding()).isEqualTo("chunked");
        assertThat(put.contentLength()).isEqualTo(-1);
        assertThat(put.bytes()).isEqualTo(data.length);
        assertThat(put.sha256()).isEqualTo(Bodies.sha256(data));
        assertThat(run.err()).contains("HTTP 201 Created after");
    }

    @Test
    void badInputIsOneClearLineExitTwoAndNoTask() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Path file = randomFile("ok.txt", 10);
        String target = url("/store/x");

        assertUsageError(ferry("put", dir.resolve("nope.txt").toString(), target, "--state", state.toString()),
                "nope.txt: no such file");
        assertUsageError(ferry("put", folder.toString(), target, "--state", state.toString()), "is a folder");
        assertUsageError(ferry("put", file.toString(), "ftp://127.0.0.1/x", "--state", state.toString()),
                "not an http or https URL");
        assertUsageError(ferry("put", file.toString(), target, "--method", "DELETE", "--state", state.toString()),
                "--method must be PUT or POST, not DELETE");
        assertUsageError(ferry("put", "--tus", "-", target, "--state", state.toString()), "standard input cannot be resumed");
        assertThat(recorder.requests()).isEmpty();
        assertThat(tasksIn(state)).isEmpty();
    }

    /** {@code ferry ARGS} in a child JVM with these extra JVM options, to its end. */
    private Result child(List<String> jvmOptions, String... args) {
        try (FerryProcess child = FerryProcess.start(dir.resolve("logs"), "run", jvmOptions, args)) {
            return new Result(child.waitFor(CHILD_TIMEOUT), child.stdout(), child.stderr());
        }
    }

    static void assertUsageError(Result run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().lines().toList()).as(run.toString()).singleElement(
                org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("ferry: ").contains(message);
    }

    static List<TaskRecord> tasksIn(Path state) throws IOException {
        return TaskStore.readOnly(state).records();
    }

    private TaskRecord onlyTask() throws IOException {
        return tasksIn(state).stream().filter(t -> t.upload() != null && t.upload().resumeUrl() != null)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one tus task: " + a + ", " + b);
                }).orElseThrow();
    }
}
