package app.ferry.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import me.desair.tus.server.TusFileUploadService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TusClientTest {

    private static final int CHUNK = 256 * 1024 + 1;

    @TempDir
    static Path storage;
    private static TusFileUploadService tus;
    private static TestServer server;
    private static HttpClient http;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        tus = new TusFileUploadService().withStoragePath(storage.toString()).withUploadUri("/files");
        server = TestServer.start()
                .servlet("/files/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response)
                            throws IOException {
                        tus.process(request, response);
                    }
                })
                // A broken server that acknowledges fewer bytes than it was sent.
                .servlet("/short/*", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response)
                            throws IOException {
                        request.getInputStream().readAllBytes();
                        response.setStatus(204);
                        response.setHeader("Upload-Offset", "5");
                    }
                });
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopServer() throws Exception {
        http.close();
        server.close();
    }

    private Path randomFile(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve("upload.bin"), bytes);
    }

    private static byte[] uploadedBytes(URI upload) throws Exception {
        try (InputStream in = tus.getUploadedBytes(upload.getPath())) {
            return in.readAllBytes();
        }
    }

    @Test
    void uploadsAFileInSeveralPatchChunks() throws Exception {
        Path file = randomFile(4 * CHUNK + 123);
        long size = Files.size(file);
        TusClient client = new TusClient(http);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("filename", "照片 1.jpg");
        metadata.put("filetype", "image/jpeg");

        URI upload = client.create(server.uri("/files"), size, metadata);
        assertThat(upload.toString()).startsWith(server.uri("/files/").toString());
        assertThat(client.offset(upload)).isZero();

        AtomicLong sent = new AtomicLong();
        int patches = 0;
        for (long offset = 0; offset < size; patches++) {
            long length = Math.min(CHUNK, size - offset);
            long next = client.patch(upload, file, offset, length, sent::addAndGet);
            assertThat(next).isEqualTo(offset + length);
            offset = next;
        }

        assertThat(patches).isEqualTo(5);
        assertThat(sent.get()).isEqualTo(size);
        assertThat(client.offset(upload)).isEqualTo(size);
        assertThat(uploadedBytes(upload)).isEqualTo(Files.readAllBytes(file));
        assertThat(tus.getUploadInfo(upload.getPath()).getMetadata())
                .containsEntry("filename", "照片 1.jpg")
                .containsEntry("filetype", "image/jpeg");
    }

    @Test
    void anInterruptedUploadContinuesFromTheServersOffset() throws Exception {
        Path file = randomFile(5 * CHUNK);
        long size = Files.size(file);
        URI upload;
        try (HttpClient first = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            TusClient client = new TusClient(first);
            upload = client.create(server.uri("/files"), size, Map.of());
            client.patch(upload, file, 0, CHUNK, n -> { });
            client.patch(upload, file, CHUNK, CHUNK, n -> { });
        }

        try (HttpClient second = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            TusClient resumed = new TusClient(second);
            long offset = resumed.offset(upload);
            assertThat(offset).isEqualTo(2L * CHUNK);
            while (offset < size) {
                offset = resumed.patch(upload, file, offset, Math.min(CHUNK, size - offset), n -> { });
            }
        }

        assertThat(uploadedBytes(upload)).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aWrongOffsetIsAConflict() throws Exception {
        Path file = randomFile(1000);
        TusClient client = new TusClient(http);
        URI upload = client.create(server.uri("/files"), 1000, Map.of());

        assertThatThrownBy(() -> client.patch(upload, file, 100, 100, n -> { }))
                .isInstanceOfSatisfying(TusException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.isExpired()).isFalse();
                })
                .hasMessage("tus PATCH " + upload + " failed: HTTP/1.1 409 Conflict");
        assertThat(client.offset(upload)).isZero();
    }

    @Test
    void aDeletedOrUnknownUploadIsExpired() throws Exception {
        Path file = randomFile(1000);
        TusClient client = new TusClient(http);
        URI upload = client.create(server.uri("/files"), 1000, Map.of());
        client.patch(upload, file, 0, 500, n -> { });
        tus.deleteUpload(upload.getPath());

        assertThatThrownBy(() -> client.offset(upload))
                .isInstanceOfSatisfying(TusException.class, e -> assertThat(e.isExpired()).isTrue())
                .hasMessage("tus HEAD " + upload + " failed: HTTP/1.1 404 Not Found");
        assertThatThrownBy(() -> client.patch(upload, file, 500, 500, n -> { }))
                .isInstanceOfSatisfying(TusException.class, e -> assertThat(e.isExpired()).isTrue());
        URI unknown = server.uri("/files/2f0d1c6e-0000-4000-8000-000000000000");
        assertThatThrownBy(() -> client.offset(unknown))
                .isInstanceOfSatisfying(TusException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void refusesAServerThatAcknowledgesOtherThanWhatWasSent() throws Exception {
        Path file = randomFile(1000);
        URI upload = server.uri("/short/x");

        assertThatThrownBy(() -> new TusClient(http).patch(upload, file, 0, 10, n -> { }))
                .isInstanceOfSatisfying(TusException.class, e -> assertThat(e.isExpired()).isFalse())
                .hasMessage("tus PATCH " + upload + ": server is at offset 5 after receiving 10 bytes at 0,"
                        + " expected 10 (HTTP/1.1 204 No Content)");
    }

    @Test
    void encodesMetadataAsTusAsks() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("filename", "照片.jpg");
        metadata.put("empty", "");
        assertThat(TusClient.encodeMetadata(metadata)).isEqualTo("filename 54Wn54mHLmpwZw==,empty");
        assertThatThrownBy(() -> TusClient.encodeMetadata(Map.of("file name", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tus metadata key must be non-empty ASCII without spaces or commas: \"file name\"");
    }
}
