package app.ferry.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.engine.FormPart;
import app.ferry.testing.TestServer;
import app.ferry.testing.UploadRecorder;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartBodyTest {

    /** One request as the server saw it. */
    record Request(String contentType, long contentLength, long bytesRead, List<UploadRecorder.FormPart> parts,
                   byte[] raw) {
    }

    @TempDir
    static Path serverDir;

    private static final AtomicReference<Request> jettyParsed = new AtomicReference<>();
    private static final AtomicReference<Request> raw = new AtomicReference<>();
    private static final AtomicReference<byte[]> beforeRedirect = new AtomicReference<>();
    private static TestServer server;
    private static HttpClient http;

    @TempDir
    Path dir;
    private Path photo;
    private Path text;
    private Path jpeg;
    private List<FormPart> parts;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start()
                .multipartServlet("/parts", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response)
                            throws IOException, ServletException {
                        jettyParsed.set(new Request(request.getContentType(), request.getContentLengthLong(), -1,
                                UploadRecorder.parseWithJetty(request), null));
                        response.setStatus(200);
                    }
                }, UploadRecorder.multipartConfig(serverDir))
                .servlet("/raw", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response)
                            throws IOException {
                        byte[] body = request.getInputStream().readAllBytes();
                        raw.set(new Request(request.getContentType(), request.getContentLengthLong(), body.length,
                                List.of(), body));
                        response.setStatus(200);
                    }
                })
                .servlet("/redirect", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response)
                            throws IOException {
                        beforeRedirect.set(request.getInputStream().readAllBytes());
                        response.setStatus(307);
                        response.setHeader("Location", "/raw");
                    }
                });
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @AfterAll
    static void stopServer() throws Exception {
        http.close();
        server.close();
    }

    @BeforeEach
    void files() throws IOException {
        photo = randomFile("照片 1.jpg", 700_000);
        text = Files.writeString(dir.resolve("1.txt"), "hello\r\n--not a boundary\r\n");
        jpeg = randomFile("2.jpg", 300_001);
        Path quoted = Files.writeString(dir.resolve("q.txt"), "q");
        parts = List.of(
                new FormPart.TextField("username", "Mike"),
                new FormPart.TextField("note", "two\r\nlines, ünïcödé 😀"),
                new FormPart.TextField("empty", ""),
                FormPart.FileField.of("photo", photo),
                new FormPart.FileField("userfile[]", text, "1.txt", "text/plain"),
                new FormPart.FileField("userfile[]", jpeg, "aaa.jpg", "image/jpeg"),
                new FormPart.FileField("odd \"name\"", quoted, "a\"b\r\nc.txt", "text/plain"),
                new FormPart.FileField("empty file", Files.createFile(dir.resolve("empty.bin")), "empty.bin",
                        "application/octet-stream"));
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    /** What both parsers must report: names and file names escaped the WHATWG way. */
    private List<UploadRecorder.FormPart> expected() throws IOException {
        return List.of(
                seen("username", null, null, Bodies.sha256("Mike".getBytes(StandardCharsets.UTF_8))),
                seen("note", null, null,
                        Bodies.sha256("two\r\nlines, ünïcödé 😀".getBytes(StandardCharsets.UTF_8))),
                seen("empty", null, null, Bodies.sha256(new byte[0])),
                seen("photo", "照片 1.jpg", "image/jpeg", Bodies.sha256(Files.readAllBytes(photo))),
                seen("userfile[]", "1.txt", "text/plain", Bodies.sha256(Files.readAllBytes(text))),
                seen("userfile[]", "aaa.jpg", "image/jpeg", Bodies.sha256(Files.readAllBytes(jpeg))),
                seen("odd %22name%22", "a%22b%0D%0Ac.txt", "text/plain", Bodies.sha256(new byte[] {'q'})),
                seen("empty file", "empty.bin", "application/octet-stream", Bodies.sha256(new byte[0])));
    }

    /** One part as a server saw it: text values and file contents both as SHA-256. */
    private static UploadRecorder.FormPart seen(String name, String filename, String contentType, String sha256) {
        return new UploadRecorder.FormPart(name, filename, contentType, sha256);
    }

    private HttpResponse<Void> post(String path, MultipartBody body, HttpRequest.BodyPublisher publisher)
            throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", body.contentType())
                .POST(publisher)
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void jettyParsesEveryFieldAndFile() throws Exception {
        MultipartBody body = MultipartBody.of(parts);
        AtomicLong sent = new AtomicLong();

        assertThat(post("/parts", body, body.publisher(sent::addAndGet)).statusCode()).isEqualTo(200);

        Request request = jettyParsed.get();
        assertThat(request.parts()).containsExactlyElementsOf(expected());
        assertThat(request.contentType()).isEqualTo(body.contentType());
        assertThat(request.contentLength()).isEqualTo(body.contentLength());
        assertThat(sent.get()).isEqualTo(body.contentLength());
    }

    @Test
    void commonsFileUploadParsesTheSameRawBody() throws Exception {
        MultipartBody body = MultipartBody.of(parts);

        assertThat(post("/raw", body, body.publisher(n -> { })).statusCode()).isEqualTo(200);

        Request request = raw.get();
        assertThat(request.contentLength()).isEqualTo(body.contentLength());
        assertThat(request.bytesRead()).isEqualTo(body.contentLength());
        assertThat(UploadRecorder.parseWithCommonsFileUpload(request.raw(), body.contentType(), serverDir))
                .containsExactlyElementsOf(expected());
    }

    @Test
    void writesTheHeadersBrowsersWrite() throws Exception {
        Path file = Files.writeString(dir.resolve("x.txt"), "X");
        MultipartBody body = MultipartBody.of(List.of(
                new FormPart.TextField("a", "1"),
                new FormPart.FileField("f", file, "照片 \"1\".txt", "text/plain")), "B0undary");

        assertThat(new String(Bodies.collect(body.publisher(n -> { })), StandardCharsets.UTF_8)).isEqualTo("""
                --B0undary\r
                Content-Disposition: form-data; name="a"\r
                \r
                1\r
                --B0undary\r
                Content-Disposition: form-data; name="f"; filename="照片 %221%22.txt"\r
                Content-Type: text/plain\r
                \r
                X\r
                --B0undary--\r
                """);
        assertThat(body.contentLength()).isEqualTo(Bodies.collect(body.publisher(n -> { })).length);
    }

    @Test
    void aRandomBoundaryThatAppearsInNoFieldAndAnExactLengthComputedWithoutReading() throws Exception {
        MultipartBody first = MultipartBody.of(parts);
        MultipartBody second = MultipartBody.of(parts);

        assertThat(first.boundary()).matches("----FerryBoundary[A-Za-z0-9]{32}").isNotEqualTo(second.boundary());
        assertThat(first.contentType()).isEqualTo("multipart/form-data; boundary=" + first.boundary());
        assertThat(first.contentLength()).isEqualTo(Bodies.collect(first.publisher(n -> { })).length);
        assertThat(first.publisher(n -> { }).contentLength()).isEqualTo(first.contentLength());
        assertThatThrownBy(() -> MultipartBody.of(List.of(new FormPart.TextField("a", "x--Clash--y")), "Clash"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("boundary \"Clash\" occurs in a field");
    }

    @Test
    void theSameBytesWhateverTheChunkSize() throws Exception {
        MultipartBody body = MultipartBody.of(parts);
        byte[] reference = Bodies.collect(body.publisher(n -> { }));
        for (int chunk : new int[] {1, 7, 4096, 700_001}) {
            assertThat(Bodies.collect(body.publisher(n -> { }, chunk))).as("chunk %d", chunk).isEqualTo(reference);
        }
    }

    @Test
    void aRedirectReSendsTheSameBodyAndProgressEndsAtTheLength() throws Exception {
        MultipartBody body = MultipartBody.of(parts);
        AtomicLong sent = new AtomicLong();
        AtomicLong maxSent = new AtomicLong();
        HttpRequest.BodyPublisher publisher = body.publisher(n -> maxSent.accumulateAndGet(sent.addAndGet(n), Math::max));

        HttpResponse<Void> response = post("/redirect", body, publisher);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.uri().getPath()).isEqualTo("/raw");
        assertThat(beforeRedirect.get()).hasSize((int) body.contentLength());
        assertThat(raw.get().raw()).isEqualTo(beforeRedirect.get());
        assertThat(sent.get()).isEqualTo(body.contentLength());
        assertThat(maxSent.get()).isEqualTo(body.contentLength());

        // And a second send of the same publisher.
        assertThat(post("/raw", body, publisher).statusCode()).isEqualTo(200);
        assertThat(raw.get().raw()).isEqualTo(beforeRedirect.get());
        assertThat(sent.get()).isEqualTo(body.contentLength());
    }

    @Test
    void refusesMissingFilesAndDirectoriesBeforeSending() {
        Path missing = dir.resolve("missing.bin");
        assertThatThrownBy(() -> MultipartBody.of(List.of(new FormPart.FileField("f", missing, "m", "a/b"))))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(missing + ": file to upload not found");
        assertThatThrownBy(() -> MultipartBody.of(List.of(new FormPart.FileField("f", dir, "d", "a/b"))))
                .isInstanceOf(IOException.class)
                .hasMessage(dir + " is a directory, not a file");
        assertThatThrownBy(() -> new FormPart.FileField("f", dir, "d", "text/plain\r\nX-Evil: 1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failsWhenAFileChangedSizeAfterTheLengthWasComputed() throws Exception {
        MultipartBody body = MultipartBody.of(parts);
        Files.writeString(text, "longer than before, so the announced Content-Length would be wrong");

        assertThatThrownBy(() -> Bodies.collect(body.publisher(n -> { })))
                .cause()
                .isInstanceOf(FileChangedException.class)
                .hasMessage(text + " changed size during upload: was 25 bytes, now 66");
    }
}
