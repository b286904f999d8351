package app.ferry.engine.request;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.MultipartUploadSpec;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.TusUploadSpec;
import app.ferry.engine.UploadSpec;
import app.ferry.engine.FormPart;
import app.ferry.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import me.desair.tus.server.TusFileUploadService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of upload, tus included, carries the user's headers, cookies, Referer and User-Agent. */
class RequestOptionsUploadTest {

    @TempDir
    Path temp;

    /** Method, path and the headers the options set, of every request the servers received. */
    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
    private TestServer server;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        file = Files.write(temp.resolve("photo.bin"), new byte[300_000]);
        Path storage = Files.createDirectories(temp.resolve("tus"));
        TusFileUploadService tus = new TusFileUploadService().withStoragePath(storage.toString()).withUploadUri("/files");
        server = TestServer.start()
                .servlet("/upload/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        record(request);
                        request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                        response.setStatus(201);
                    }
                })
                .servlet("/files/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        record(request);
                        tus.process(request, response);
                    }
                });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private void record(HttpServletRequest request) {
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("request", request.getMethod() + " " + request.getRequestURI());
        for (String name : List.of("X-Custom", "Cookie", "Referer", "User-Agent", "Authorization")) {
            if (request.getHeader(name) != null) {
                headers.put(name, request.getHeader(name));
            }
        }
        seen.add(headers);
    }

    private static RequestOptions options() {
        return new RequestOptions(List.of(Header.parse("X-Custom: upload"), Header.parse("Authorization: Bearer up")),
                "Uploader/1.0", "http://127.0.0.1/form.html", CookieString.parse("sid=42; theme=dark"));
    }

    private void runAndCheck(UploadSpec spec) throws IOException {
        try (TransferQueue queue = TransferQueue.open(temp.resolve("state"), fastConfig())) {
            TaskSnapshot done = awaitFinished(queue, queue.add(spec.withRequest(options())));
            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
        }
        assertThat(seen).isNotEmpty().allSatisfy(headers -> assertThat(headers).as(headers.get("request"))
                .containsEntry("X-Custom", "upload")
                .containsEntry("Authorization", "Bearer up")
                .containsEntry("Cookie", "sid=42; theme=dark")
                .containsEntry("Referer", "http://127.0.0.1/form.html")
                .containsEntry("User-Agent", "Uploader/1.0"));
    }

    @Test
    void aRawPut() throws IOException {
        runAndCheck(new RawUploadSpec(file, server.uri("/upload/raw").toString(), "PUT", null));
        assertThat(seen).singleElement().extracting(h -> h.get("request")).isEqualTo("PUT /upload/raw");
    }

    @Test
    void aRestPut() throws IOException {
        runAndCheck(RawUploadSpec.restPut(file, server.uri("/upload/").toString(), "renamed.bin", null));
        assertThat(seen).singleElement().extracting(h -> h.get("request")).isEqualTo("PUT /upload/renamed.bin");
    }

    @Test
    void aMultipartPost() throws IOException {
        runAndCheck(new MultipartUploadSpec(server.uri("/upload/form").toString(),
                List.of(new FormPart.TextField("title", "holiday"), new FormPart.FileField("photo", file, "photo.bin", "application/octet-stream"))));
        assertThat(seen).singleElement().extracting(h -> h.get("request")).isEqualTo("POST /upload/form");
    }

    @Test
    void everyRequestOfATusUpload() throws IOException {
        runAndCheck(new TusUploadSpec(file, server.uri("/files").toString()));
        assertThat(seen).extracting(h -> h.get("request").split(" ")[0]).contains("POST", "PATCH");
    }
}
