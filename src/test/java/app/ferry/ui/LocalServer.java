package app.ferry.ui;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real HTTP server on 127.0.0.1 for the GUI flows (embedded Jetty 12, ee10 servlets).
 *
 * <ul>
 *   <li>{@code GET /files/SIZE/NAME}: SIZE deterministic bytes ({@link #content}), strong ETag,
 *       {@code Range: bytes=N-} answered with 206.</li>
 *   <li>{@code GET /held/SIZE/NAME}: the same, but a full response stops after half the bytes
 *       until {@link #release()}; a range request is served at once.</li>
 *   <li>{@code GET /slow/SIZE/NAME}: the same, paced at about 256 KiB/s per connection.</li>
 *   <li>{@code GET /secret/SIZE/NAME}: needs Basic {@code ferry:secret}, else 401 with a challenge.</li>
 *   <li>{@code GET|PUT|POST /broken/NAME}: 404 with an HTML error page titled {@link #ERROR_TITLE}.</li>
 *   <li>{@code PUT|POST /up/NAME}: stores the raw body under NAME ({@code /slowup/NAME}: read at
 *       about 256 KiB/s); {@code POST /form}: stores each
 *       file part under its file name and the text fields; both answer JSON.</li>
 * </ul>
 */
final class LocalServer {

    private static final int CHUNK = 16 * 1024;
    private static final long SLOW_CHUNK_NANOS = TimeUnit.MILLISECONDS.toNanos(62);

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final Map<String, String> fields = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger rangeRequests = new AtomicInteger();

    LocalServer(Path tempDir) {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new Downloads()), "/files/*");
        context.addServlet(new ServletHolder(new Downloads()), "/held/*");
        context.addServlet(new ServletHolder(new Downloads()), "/slow/*");
        context.addServlet(new ServletHolder(new Downloads()), "/secret/*");
        context.addServlet(new ServletHolder(new HtmlErrorPage()), "/broken/*");
        context.addServlet(new ServletHolder(new RawUploads()), "/up/*");
        context.addServlet(new ServletHolder(new RawUploads()), "/slowup/*");
        ServletHolder form = new ServletHolder(new FormUploads());
        form.getRegistration().setMultipartConfig(new MultipartConfigElement(tempDir.toString()));
        context.addServlet(form, "/form");
        server.setHandler(context);
    }

    LocalServer start() throws Exception {
        server.start();
        return this;
    }

    void stop() throws Exception {
        released.countDown();
        server.stop();
    }

    String url(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path).toString();
    }

    /** Lets held responses continue. */
    void release() {
        released.countDown();
    }

    int rangeRequests() {
        return rangeRequests.get();
    }

    /** What a raw or form upload stored under this name, or null. */
    byte[] uploaded(String name) {
        return uploads.get(name);
    }

    String field(String name) {
        return fields.get(name);
    }

    /** The deterministic content of SIZE bytes every download endpoint serves. */
    static byte[] content(int size) {
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

    static final String ERROR_TITLE = "Nothing here – Test Server";

    /** What a web server's error page looks like: a whole HTML document, on one line. */
    private static final class HtmlErrorPage extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            response.setStatus(404);
            response.setContentType("text/html; charset=utf-8");
            response.getWriter().write("<!DOCTYPE html><html><head><title>" + ERROR_TITLE + "</title>"
                    + "<style>body{font-family:sans-serif}</style></head><body><h1>404</h1>"
                    + "<p>The file <b>" + request.getPathInfo() + "</b> was not found on this server.</p></body></html>");
        }
    }

    private final class Downloads extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String[] parts = request.getPathInfo().split("/");
            int size = Integer.parseInt(parts[1]);
            String kind = request.getServletPath();
            if (kind.equals("/secret") && !("Basic " + Base64.getEncoder().encodeToString(
                    "ferry:secret".getBytes(StandardCharsets.UTF_8))).equals(request.getHeader("Authorization"))) {
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

    private final class RawUploads extends HttpServlet {
        @Override
        protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
            store(request, response);
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            store(request, response);
        }

        private void store(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String name = java.net.URLDecoder.decode(request.getPathInfo().substring(1), StandardCharsets.UTF_8);
            byte[] body;
            if (request.getServletPath().equals("/slowup")) {
                java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[CHUNK];
                for (int n; (n = request.getInputStream().read(buffer)) >= 0; ) {
                    read.write(buffer, 0, n);
                    LockSupport.parkNanos(SLOW_CHUNK_NANOS);
                }
                body = read.toByteArray();
            } else {
                body = request.getInputStream().readAllBytes();
            }
            uploads.put(name, body);
            reply(response, 201, List.of(Map.entry(name, body)));
        }
    }

    private final class FormUploads extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            List<Map.Entry<String, byte[]>> received = new java.util.ArrayList<>();
            try {
                for (Part part : request.getParts()) {
                    byte[] bytes = part.getInputStream().readAllBytes();
                    if (part.getSubmittedFileName() == null) {
                        fields.put(part.getName(), new String(bytes, StandardCharsets.UTF_8));
                    } else {
                        uploads.put(part.getSubmittedFileName(), bytes);
                        fields.put("field:" + part.getSubmittedFileName(), part.getName());
                        received.add(Map.entry(part.getSubmittedFileName(), bytes));
                    }
                }
            } catch (jakarta.servlet.ServletException e) {
                throw new IOException(e);
            }
            reply(response, 200, received);
        }
    }

    private static void reply(HttpServletResponse response, int status, List<Map.Entry<String, byte[]>> files)
            throws IOException {
        StringBuilder json = new StringBuilder("{\"received\":[");
        for (int i = 0; i < files.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(files.get(i).getKey())
                    .append("\",\"size\":").append(files.get(i).getValue().length)
                    .append(",\"sha256\":\"").append(sha256(files.get(i).getValue())).append("\"}");
        }
        json.append("]}");
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
