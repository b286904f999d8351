package app.ferry.engine.download;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A Jetty on 127.0.0.1 serving one file with single byte ranges, If-Range, a strong ETag and
 * Last-Modified, and the misbehaviours the segmented download must survive. Records every request.
 */
final class RangeServer {

    static final String ETAG = "\"v1\"";
    static final String LAST_MODIFIED = "Tue, 01 Dec 2026 10:00:00 GMT";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    private static final int CHUNK = 64 * 1024;

    /** One request as the server saw it: the Range and If-Range headers (null when absent) and the status sent. */
    record Seen(String range, String ifRange, int status) {
        long rangeStart() {
            if (range == null) {
                return 0;
            }
            Matcher m = RANGE.matcher(range);
            return m.matches() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    final byte[] content;
    final List<Seen> requests = new CopyOnWriteArrayList<>();
    /** Off: no Accept-Ranges, every answer a 200 with the whole file. */
    volatile boolean rangesSupported = true;
    /** On: Accept-Ranges is offered, but range requests still get the whole file. */
    volatile boolean rangesOfferedButIgnored;
    /** Bytes per second per response, 0 for full speed. */
    volatile long bytesPerSecond;
    /** Responses for ranges starting here are this slow instead (-1: none). */
    volatile long slowStart = -1;
    volatile long slowBytesPerSecond;
    /** The next range request not starting at zero gets a Content-Range one byte off. */
    final AtomicBoolean lieOnceAboutRange = new AtomicBoolean();
    /** Answers every range that does not start at zero with a Content-Range one byte off. */
    volatile boolean lieAboutEveryRange;

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    RangeServer(int size, long seed) {
        content = new byte[size];
        new Random(seed).nextBytes(content);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new FileServlet()), "/*");
        server.setHandler(context);
    }

    RangeServer start() throws Exception {
        server.start();
        return this;
    }

    /** Not AutoCloseable: Jetty's stop() may throw InterruptedException, which try-with-resources warns about. */
    void stop() throws Exception {
        server.stop();
    }

    URI uri(String name) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/" + name);
    }

    List<Seen> rangeRequests() {
        return requests.stream().filter(s -> s.range() != null).toList();
    }

    private final class FileServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String range = request.getHeader("Range");
            String ifRange = request.getHeader("If-Range");
            response.setHeader("ETag", ETAG);
            response.setHeader("Last-Modified", LAST_MODIFIED);
            response.setContentType("application/octet-stream");
            Matcher m = range == null ? null : RANGE.matcher(range);
            boolean honour = rangesSupported && !rangesOfferedButIgnored && m != null && m.matches()
                    && (ifRange == null || ifRange.equals(ETAG) || ifRange.equals(LAST_MODIFIED));
            if (rangesSupported) {
                response.setHeader("Accept-Ranges", "bytes");
            }
            long first = 0;
            long last = content.length - 1;
            long rate = bytesPerSecond;
            if (honour) {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? content.length - 1 : Math.min(Long.parseLong(m.group(2)), content.length - 1);
                if (first >= content.length) {
                    requests.add(new Seen(range, ifRange, 416));
                    response.setStatus(416);
                    response.setHeader("Content-Range", "bytes */" + content.length);
                    return;
                }
                long shown = first != 0 && (lieAboutEveryRange || lieOnceAboutRange.compareAndSet(true, false)) ? first + 1 : first;
                response.setStatus(206);
                response.setHeader("Content-Range", "bytes " + shown + "-" + last + "/" + content.length);
                if (first == slowStart) {
                    rate = slowBytesPerSecond;
                }
            } else {
                response.setStatus(200);
            }
            requests.add(new Seen(range, ifRange, response.getStatus()));
            response.setContentLengthLong(last - first + 1);
            OutputStream out = response.getOutputStream();
            long start = System.nanoTime();
            for (long at = first; at <= last; ) {
                int n = (int) Math.min(CHUNK, last + 1 - at);
                out.write(content, (int) at, n);
                at += n;
                if (rate > 0) {
                    out.flush();
                    long due = start + (at - first) * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        // Pacing the server's output, as FileServer does; no test waits on time.
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                    }
                }
            }
        }
    }
}
