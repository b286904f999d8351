package app.ferry.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A real HTTP/1.1 file server on 127.0.0.1 (embedded Jetty 12, core API) for tests of code that
 * downloads: it serves byte arrays with {@code Range}, {@code If-Range}, {@code ETag} and
 * {@code Last-Modified} the way nginx does, and can be told to misbehave in the ways real servers
 * and networks do.
 *
 * <pre>{@code
 * try (FileServer server = FileServer.start()) {
 *     FileServer.ServedFile file = server.serve("/big.bin", bytes).throttle(1 << 20);
 *     download(server.url("/big.bin"));
 *     assertThat(server.requests("/big.bin").getLast().header("Range")).isEqualTo("bytes=1000-");
 * }
 * }</pre>
 *
 * <p>What a {@link ServedFile} can do, each switchable at any time from the test thread:
 * {@linkplain ServedFile#replace replace its content} (a new version: new ETag, later
 * Last-Modified), drop its validators, {@linkplain ServedFile#ignoreRange ignore Range} (always
 * 200), {@linkplain ServedFile#ignoreIfRange ignore If-Range} (206 of whatever is there now),
 * answer without a Content-Length (chunked), {@linkplain ServedFile#throttle throttle},
 * {@linkplain ServedFile#dropAfter drop the connection} after some bytes of the body, send a
 * Content-Disposition, require HTTP Basic credentials, and {@linkplain ServedFile#failNext answer
 * with a scripted status} (503 with Retry-After, 404…) before serving normally. A range starting
 * at or past the end gets {@code 416} with {@code Content-Range: bytes *}{@code /size}, like nginx.
 *
 * <p>Paths not served answer 404; {@link #redirect} adds 3xx answers. Every request is recorded
 * ({@link #requests()}), and {@link #bytesSent()} counts body bytes written to the network.
 *
 * <p>Thread safety: every method may be called while requests are being served.
 */
public final class FileServer implements AutoCloseable {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    /** Bytes written per write call: small enough that throttling and dropping are precise. */
    private static final int CHUNK_BYTES = 16 * 1024;

    private final Server jetty;
    private final ServerConnector connector;
    private final String scheme;
    private final Map<String, ServedFile> files = new ConcurrentHashMap<>();
    private final Map<String, Redirect> redirects = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();

    private FileServer(SslContextFactory.Server tls) {
        jetty = new Server();
        connector = tls == null ? new ServerConnector(jetty) : new ServerConnector(jetty, tls);
        scheme = tls == null ? "http" : "https";
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                FileServer.this.handle(request, response, callback);
                return true;
            }
        });
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static FileServer start() {
        return start(null);
    }

    /**
     * Starts a server that speaks TLS only, with the key and certificate in {@code keyStore}
     * (PKCS12, {@code password} for the store and the key); {@link #url} then gives https URLs.
     */
    public static FileServer startTls(Path keyStore, String password) {
        return start(serverTls(keyStore, password));
    }

    /** Jetty's TLS side for a PKCS12 {@code keyStore} whose store and key share {@code password}. */
    public static SslContextFactory.Server serverTls(Path keyStore, String password) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keyStore.toString());
        tls.setKeyStorePassword(password);
        tls.setKeyStoreType("PKCS12");
        return tls;
    }

    private static FileServer start(SslContextFactory.Server tls) {
        FileServer server = new FileServer(tls);
        try {
            server.jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test file server", e);
        }
        return server;
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:port} (https for {@link #startTls}) followed by {@code path} (give it percent-encoded if it needs to be). */
    public String url(String path) {
        return scheme + "://127.0.0.1:" + port() + path;
    }

    /** Serves {@code content} at {@code path} (the decoded path, e.g. {@code "/static/功夫熊猫.mp4"}). */
    public ServedFile serve(String path, byte[] content) {
        ServedFile file = new ServedFile(content);
        files.put(path, file);
        return file;
    }

    /** Answers requests for {@code path} with {@code status} and {@code Location: location}. */
    public void redirect(String path, int status, String location) {
        redirects.put(path, new Redirect(status, location));
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests received for {@code path} (decoded), in order. */
    public List<RecordedRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Body bytes written to clients so far, over all requests. */
    public long bytesSent() {
        return bytesSent.get();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the test file server", e);
        }
    }

    /** A request as the server saw it. Header names are matched without regard to case. */
    public record RecordedRequest(String method, String path, Map<String, String> headers, long nanoTime) {

        /** The first value of header {@code name}, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Redirect(int status, String location) {
    }

    private record Scripted(int status, Map<String, String> headers) {
    }

    /** One file the server serves, and how it misbehaves. */
    public static final class ServedFile {

        private final AtomicInteger version = new AtomicInteger();
        private final AtomicInteger drops = new AtomicInteger();
        private final List<Scripted> scripted = new ArrayList<>();
        private volatile byte[] content;
        private volatile boolean validators = true;
        private volatile boolean ignoreRange;
        private volatile boolean ignoreIfRange;
        private volatile boolean chunked;
        private volatile long bytesPerSecond;
        private volatile long dropAfterBytes;
        private volatile String contentDisposition;
        private volatile String expectedAuthorization;
        private volatile String realm;

        private ServedFile(byte[] content) {
            this.content = content.clone();
        }

        /** Serves another version from now on: new ETag, Last-Modified one minute later. */
        public ServedFile replace(byte[] newContent) {
            synchronized (this) {
                content = newContent.clone();
                version.incrementAndGet();
            }
            return this;
        }

        /** Sends neither ETag nor Last-Modified, and ignores If-Range. */
        public ServedFile withoutValidators() {
            validators = false;
            return this;
        }

        /** Answers every request with 200 and the whole file, as if Range did not exist. */
        public ServedFile ignoreRange(boolean ignore) {
            ignoreRange = ignore;
            return this;
        }

        /** Honours Range whatever If-Range says: a 206 of the current version even if it changed. */
        public ServedFile ignoreIfRange(boolean ignore) {
            ignoreIfRange = ignore;
            return this;
        }

        /** Sends no Content-Length: the body is chunked and its length unknown to the client. */
        public ServedFile chunked(boolean noLength) {
            chunked = noLength;
            return this;
        }

        /** Limits each response to about {@code rate} body bytes per second; 0 for no limit. */
        public ServedFile throttle(long rate) {
            bytesPerSecond = rate;
            return this;
        }

        /** The next {@code times} responses close the connection after {@code bytes} bytes of their body. */
        public ServedFile dropAfter(long bytes, int times) {
            dropAfterBytes = bytes;
            drops.set(times);
            return this;
        }

        public ServedFile contentDisposition(String value) {
            contentDisposition = value;
            return this;
        }

        /** Answers 401 with {@code WWW-Authenticate: Basic realm="realm"} unless these credentials come. */
        public ServedFile requireBasicAuth(String user, String password, String realmName) {
            expectedAuthorization = "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            realm = realmName;
            return this;
        }

        /**
         * The next {@code times} requests get {@code status} with a short text body and the given
         * headers ({@code name, value, name, value…}), before the file is served normally again.
         */
        public ServedFile failNext(int times, int status, String... headerNamesAndValues) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
                headers.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            }
            synchronized (scripted) {
                for (int i = 0; i < times; i++) {
                    scripted.add(new Scripted(status, headers));
                }
            }
            return this;
        }

        /** The content served now. */
        public byte[] content() {
            return content.clone();
        }

        /** The strong ETag of the current version. */
        public synchronized String etag() {
            return "\"" + HexFormat.of().formatHex(sha256(content), 0, 8) + "-" + version.get() + "\"";
        }

        /** The Last-Modified date of the current version. */
        public String lastModified() {
            return HTTP_DATE.format(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(60L * version.get()));
        }

        private Scripted nextScripted() {
            synchronized (scripted) {
                return scripted.isEmpty() ? null : scripted.removeFirst();
            }
        }

        private long takeDrop() {
            return drops.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? dropAfterBytes : -1;
        }
    }

    private void handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
        }
        requests.add(new RecordedRequest(request.getMethod(), path, Map.copyOf(headers), System.nanoTime()));
        try {
            Redirect redirect = redirects.get(path);
            ServedFile file = files.get(path);
            if (redirect != null) {
                response.getHeaders().put("Location", redirect.location());
                sendText(response, redirect.status(), "Moved to " + redirect.location());
            } else if (file == null) {
                sendText(response, 404, "Not found: " + path);
            } else {
                serveFile(file, headers, response);
            }
            callback.succeeded();
        } catch (Throwable e) {
            // Failing the callback of a committed response makes Jetty abort the connection.
            callback.failed(e);
        }
    }

    private void serveFile(ServedFile file, Map<String, String> headers, Response response) throws IOException {
        if (file.expectedAuthorization != null && !file.expectedAuthorization.equals(headers.get("authorization"))) {
            response.getHeaders().put("WWW-Authenticate", "Basic realm=\"" + file.realm + "\"");
            sendText(response, 401, "Credentials needed");
            return;
        }
        Scripted scripted = file.nextScripted();
        if (scripted != null) {
            scripted.headers().forEach(response.getHeaders()::put);
            sendText(response, scripted.status(), "Scripted answer " + scripted.status());
            return;
        }
        byte[] content;
        String etag;
        String lastModified;
        synchronized (file) {
            content = file.content;
            etag = file.etag();
            lastModified = file.lastModified();
        }
        if (file.validators) {
            response.getHeaders().put("ETag", etag);
            response.getHeaders().put("Last-Modified", lastModified);
        }
        if (file.contentDisposition != null) {
            response.getHeaders().put("Content-Disposition", file.contentDisposition);
        }
        response.getHeaders().put("Content-Type", "application/octet-stream");
        response.getHeaders().put("Accept-Ranges", file.ignoreRange ? "none" : "bytes");

        long size = content.length;
        long from = 0;
        long to = size - 1;
        Matcher range = RANGE.matcher(headers.getOrDefault("range", ""));
        String ifRange = headers.get("if-range");
        boolean rangeApplies = range.matches() && !file.ignoreRange
                && (ifRange == null || file.ignoreIfRange || (file.validators && (ifRange.equals(etag) || ifRange.equals(lastModified))));
        if (rangeApplies) {
            from = Long.parseLong(range.group(1));
            if (!range.group(2).isEmpty()) {
                to = Math.min(to, Long.parseLong(range.group(2)));
            }
            if (from >= size || from > to) {
                response.getHeaders().put("Content-Range", "bytes */" + size);
                sendText(response, 416, "Range not satisfiable");
                return;
            }
            response.setStatus(206);
            response.getHeaders().put("Content-Range", "bytes " + from + "-" + to + "/" + size);
        } else {
            response.setStatus(200);
        }
        if (!file.chunked) {
            response.getHeaders().put("Content-Length", String.valueOf(to - from + 1));
        }
        writeBody(file, response, content, from, to + 1);
    }

    private void writeBody(ServedFile file, Response response, byte[] content, long from, long end) throws IOException {
        long dropAfter = file.takeDrop();
        long rate = file.bytesPerSecond;
        long started = System.nanoTime();
        long sent = 0;
        long position = from;
        while (position < end) {
            int length = (int) Math.min(CHUNK_BYTES, end - position);
            if (dropAfter >= 0) {
                length = (int) Math.min(length, dropAfter - sent);
                if (length <= 0) {
                    throw new IOException("FileServer dropped the connection after " + sent + " bytes, as told");
                }
            }
            if (rate > 0) {
                // A rate limit of the server, not a test waiting for something: wait until the
                // bytes already sent are due at this rate.
                long due = started + sent * 1_000_000_000L / rate;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            Content.Sink.write(response, false, ByteBuffer.wrap(content, (int) position, length));
            bytesSent.addAndGet(length);
            sent += length;
            position += length;
        }
        if (dropAfter >= 0 && sent >= dropAfter) {
            throw new IOException("FileServer dropped the connection after " + sent + " bytes, as told");
        }
        Content.Sink.write(response, true, ByteBuffer.allocate(0));
    }

    private static void sendText(Response response, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
        response.getHeaders().put("Content-Length", String.valueOf(body.length));
        Content.Sink.write(response, true, ByteBuffer.wrap(body));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deterministic pseudo-random bytes: the same seed gives the same file. */
    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "FileServer[" + url("/") + ", " + files.size() + " files]";
    }
}
