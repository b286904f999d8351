import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * A reference row of D3 in bench/run.sh, not an anchor: the least a program on the JDK's HTTP
 * client does to fetch a list of URLs, 8 at a time over one client, with none of Ferry's work (no
 * fsync, no state, no progress, no checks). {@code drop} reads each body and throws it away;
 * {@code files} writes each into a new file named after the URL's last segment.
 *
 * <p>{@code java -cp DIR BareHttpClient LIST OUT_DIR drop|files}, with the JVM flags Ferry runs with.
 */
public final class BareHttpClient {

    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0]));
        Path out = Path.of(args[1]);
        boolean files = switch (args[2]) {
            case "files" -> true;
            case "drop" -> false;
            default -> throw new IllegalArgumentException("drop or files, not " + args[2]);
        };
        // Ferry's read buffer (JvmTuning), so that the comparison is of the work, not of a setting.
        System.setProperty("jdk.httpclient.bufsize", String.valueOf(256 << 10));
        HttpClient client = HttpClient.newHttpClient();
        Semaphore slots = new Semaphore(8);
        List<Future<?>> fetches = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String url : urls) {
                slots.acquire();
                fetches.add(threads.submit(() -> {
                    try {
                        fetch(client, url, files ? out.resolve(url.substring(url.lastIndexOf('/') + 1)) : null);
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
        }
        for (Future<?> fetch : fetches) {
            fetch.get(); // a failed fetch fails the run, rather than make it look fast
        }
    }

    private static void fetch(HttpClient client, String url, Path file) throws Exception {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " for " + url);
        }
        try (InputStream body = response.body();
             OutputStream target = file == null ? OutputStream.nullOutputStream()
                     : Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            body.transferTo(target);
        }
    }
}
