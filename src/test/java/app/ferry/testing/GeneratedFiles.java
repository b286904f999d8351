package app.ferry.testing;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Files of any size whose size is in their URL, generated as they are sent (a GUI test may queue
 * many of 64 MiB: none is ever held in memory), mounted on a {@link TestServer} by {@link #mount}:
 *
 * <ul>
 *   <li>{@code GET /files/SIZE/NAME}: SIZE deterministic bytes ({@link #content}), strong ETag,
 *       {@code Range: bytes=N-} answered with 206.</li>
 *   <li>{@code GET /held/SIZE/NAME}: the same, but a full response stops after half the bytes
 *       until {@link #release()}; a range request is served at once.</li>
 *   <li>{@code GET /slow/SIZE/NAME}: the same, paced at about 256 KiB/s per connection.</li>
 *   <li>{@code GET /secret/SIZE/NAME}: needs Basic {@code ferry:secret}, else 401 with a challenge.</li>
 * </ul>
 */
public final class GeneratedFiles {

    private static final int CHUNK = 16 * 1024;
    /** 16 KiB every 62 ms: about 256 KiB/s. */
    static final long SLOW_CHUNK_NANOS = TimeUnit.MILLISECONDS.toNanos(62);

    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger rangeRequests = new AtomicInteger();

    private GeneratedFiles() {
    }

    /** Mounts {@code /files}, {@code /held}, {@code /slow} and {@code /secret} on {@code server}. */
    public static GeneratedFiles mount(TestServer server) {
        GeneratedFiles files = new GeneratedFiles();
        for (String kind : new String[] {"/files/*", "/held/*", "/slow/*", "/secret/*"}) {
            server.servlet(kind, files.new Downloads());
        }
        return files;
    }

    /** Lets held responses continue; call it before closing the server too, so none waits. */
    public void release() {
        released.countDown();
    }

    /** Requests answered with a 206 so far. */
    public int rangeRequests() {
        return rangeRequests.get();
    }

    /** The deterministic content of SIZE bytes every endpoint serves. */
    public static byte[] content(int size) {
        byte[] bytes = new byte[size];
        fill(bytes, 0, size);
        return bytes;
    }

    /** Bytes {@code [offset, offset + length)} of the content, generated: large files are never held in memory. */
    private static void fill(byte[] buffer, int offset, int length) {
        for (int j = 0; j < length; j++) {
            int i = offset + j;
            buffer[j] = (byte) (i * 31 + (i >>> 11) * 7);
        }
    }

    private final class Downloads extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String[] parts = request.getPathInfo().split("/");
            int size = Integer.parseInt(parts[1]);
            String kind = request.getServletPath();
            if (kind.equals("/secret") && !ServedFile.basic("ferry", "secret").equals(request.getHeader("Authorization"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"ferry-test\"");
                response.sendError(401);
                return;
            }
            String etag = "\"v1-" + size + "\"";
            response.setHeader("ETag", etag);
            response.setHeader("Accept-Ranges", "bytes");
            response.setContentType("application/octet-stream");
            int from = 0;
            String range = request.getHeader("Range");
            String ifRange = request.getHeader("If-Range");
            if (range != null && range.startsWith("bytes=") && range.endsWith("-")
                    && (ifRange == null || ifRange.equals(etag))) {
                from = Integer.parseInt(range.substring(6, range.length() - 1));
                rangeRequests.incrementAndGet();
                response.setStatus(206);
                response.setHeader("Content-Range", "bytes " + from + "-" + (size - 1) + "/" + size);
            }
            response.setContentLengthLong(size - from);
            OutputStream out = response.getOutputStream();
            boolean hold = kind.equals("/held") && from == 0;
            byte[] chunk = new byte[CHUNK];
            for (int at = from; at < size; at += CHUNK) {
                if (hold && at >= size / 2) {
                    out.flush();
                    awaitRelease();
                    hold = false;
                }
                int length = Math.min(CHUNK, size - at);
                fill(chunk, at, length);
                out.write(chunk, 0, length);
                if (kind.equals("/slow")) {
                    out.flush();
                    LockSupport.parkNanos(SLOW_CHUNK_NANOS);
                }
            }
        }
    }

    private void awaitRelease() throws IOException {
        try {
            if (!released.await(60, TimeUnit.SECONDS)) {
                throw new IOException("held response never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
