package app.ferry.engine.upload;

import app.ferry.engine.FormPart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM with a small heap by {@link MultipartMemoryTest}: POSTs one big file as
 * multipart/form-data. A body built in memory would die with OutOfMemoryError.
 *
 * <p>Arguments: URL, file. Prints {@code boundary=…} and {@code length=…}; exits 0 on HTTP 200.
 */
public final class MultipartMemoryProbe {

    private MultipartMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        Path file = Path.of(args[1]);
        MultipartBody body = MultipartBody.of(List.of(
                new FormPart.TextField("description", "big"),
                new FormPart.FileField("file", file, "big.bin", "application/octet-stream")));
        System.out.println("boundary=" + body.boundary());
        System.out.println("length=" + body.contentLength());
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                    .header("Content-Type", body.contentType())
                    .POST(body.publisher(n -> { }))
                    .build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("status=" + response.statusCode());
            System.out.println("maxMemory=" + Runtime.getRuntime().maxMemory());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        }
    }
}
