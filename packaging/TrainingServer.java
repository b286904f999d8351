import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The downloads that train the packaged launchers' AOT caches (packaging/package.sh): an HTTP/1.1
 * server on 127.0.0.1 that serves one generated file, {@code /training.bin} of SIZE bytes, with
 * what makes Ferry split it over several connections: {@code Accept-Ranges}, an {@code ETag},
 * {@code Last-Modified}, and 206 answers to single {@code Range} requests (honouring
 * {@code If-Range}); and, under {@code /small/ANY-NAME}, files of 100 KiB served the same way,
 * for the path of a list of many small downloads. It prints its port on the first line of
 * standard output, then serves until killed, or for ten minutes at most so that a killed build
 * cannot leave it behind.
 *
 * <p>Run with the JDK's source launcher: {@code java packaging/TrainingServer.java SIZE}.
 */
public final class TrainingServer {

    private static final String ETAG = "\"ferry-training-1\"";
    private static final String LAST_MODIFIED = "Thu, 01 Jan 2026 00:00:00 GMT";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final long LIFETIME_MILLIS = 10 * 60 * 1000;
    private static final long SMALL_SIZE = 100 << 10;

    public static void main(String[] args) throws IOException {
        long size = Long.parseLong(args[0]);
        byte[] block = new byte[1 << 16];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31 + (i >>> 8));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/training.bin", exchange -> serve(exchange, size, block));
        server.createContext("/small/", exchange -> serve(exchange, SMALL_SIZE, block));
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(LIFETIME_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("TrainingServer: stopping after " + LIFETIME_MILLIS / 60000 + " minutes");
            System.exit(1);
        });
    }

    private static void serve(HttpExchange exchange, long size, byte[] block) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "application/octet-stream");
            headers.set("Accept-Ranges", "bytes");
            headers.set("ETag", ETAG);
            headers.set("Last-Modified", LAST_MODIFIED);
            long first = 0;
            long last = size - 1;
            int status = 200;
            String range = exchange.getRequestHeaders().getFirst("Range");
            String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
            if (range != null && (ifRange == null || ifRange.equals(ETAG) || ifRange.equals(LAST_MODIFIED))) {
                Matcher m = RANGE.matcher(range.trim());
                if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                    if (m.group(1).isEmpty()) {           // bytes=-N: the last N bytes
                        first = Math.max(0, size - Long.parseLong(m.group(2)));
                    } else {
                        first = Long.parseLong(m.group(1));
                        if (!m.group(2).isEmpty()) {
                            last = Math.min(last, Long.parseLong(m.group(2)));
                        }
                    }
                    if (first >= size || first > last) {
                        headers.set("Content-Range", "bytes */" + size);
                        exchange.sendResponseHeaders(416, -1);
                        return;
                    }
                    status = 206;
                    headers.set("Content-Range", "bytes " + first + "-" + last + "/" + size);
                }
            }
            long length = last - first + 1;
            if (method.equals("HEAD")) {
                headers.set("Content-Length", Long.toString(length));
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, length);
            OutputStream out = exchange.getResponseBody();
            long position = first;
            while (position <= last) {
                int offset = (int) (position % block.length);
                int n = (int) Math.min(block.length - offset, last - position + 1);
                out.write(block, offset, n);
                position += n;
            }
        } catch (IOException e) {
            // A client that went away (a stopped connection): nothing to clean up.
        }
    }
}
