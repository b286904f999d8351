package app.ferry.testing;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The one real HTTP/1.1 server of Ferry's tests: embedded Jetty 12 on 127.0.0.1 and a free port,
 * started by the test that uses it. Whatever a test needs is mounted on it:
 *
 * <ul>
 *   <li>{@linkplain #serve files} with {@code Range}, {@code If-Range} and validators, each a
 *       {@link ServedFile} that can be told to misbehave (scripted statuses, throttling, dropped
 *       connections, ignored or misstated ranges, Basic credentials);</li>
 *   <li>{@linkplain #redirect redirects};</li>
 *   <li>{@linkplain #servlet servlets} for anything else: the behaviours of this package
 *       ({@link GeneratedFiles}, {@link UploadSink}, {@link ErrorPage}, {@link UploadRecorder},
 *       {@link TusServer}, requests passed through a {@link BodyGate}) or a test's own.</li>
 * </ul>
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start()) {
 *     ServedFile file = server.serve("/big.bin", bytes).throttle(1 << 20);
 *     download(server.url("/big.bin"));
 *     assertThat(server.requests("/big.bin").getLast().header("Range")).isEqualTo("bytes=1000-");
 * }
 * }</pre>
 *
 * <p>Served files and redirects come first, then servlets by their path specs; any other path gets
 * {@code 404} with a short text. Every request is recorded ({@link #requests()}) whoever answers it.
 *
 * <p>Thread safety: every method may be called while requests are being served.
 */
public final class TestServer implements AutoCloseable {

    private final Server jetty = new Server();
    private final ServerConnector connector;
    private final String scheme;
    private final FileHandler files = new FileHandler();
    private final ServletContextHandler servlets = new ServletContextHandler();

    private TestServer(SslContextFactory.Server tls) {
        connector = tls == null ? new ServerConnector(jetty) : new ServerConnector(jetty, tls);
        scheme = tls == null ? "http" : "https";
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        servlets.setContextPath("/");
        // "/" is the servlet default: any longer path spec a test mounts wins over it.
        servlets.addServlet(new ServletHolder(new NotFound()), "/");
        jetty.setHandler(new Handler.Sequence(files, servlets));
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static TestServer start() {
        return start(null);
    }

    /**
     * Starts a server that speaks TLS only, with the key and certificate in {@code keyStore}
     * (PKCS12, {@code password} for the store and the key); {@link #url} then gives https URLs.
     */
    public static TestServer startTls(Path keyStore, String password) {
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

    private static TestServer start(SslContextFactory.Server tls) {
        TestServer server = new TestServer(tls);
        try {
            server.jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test server", e);
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

    /** {@link #url} as a URI. */
    public URI uri(String path) {
        return URI.create(url(path));
    }

    /** Serves {@code content} at {@code path} (the decoded path, e.g. {@code "/static/功夫熊猫.mp4"}). */
    public ServedFile serve(String path, byte[] content) {
        return serve(path, new ServedFile(content));
    }

    /** Serves {@code file} at {@code path} too: one file, its behaviours and its answers, under several names. */
    public ServedFile serve(String path, ServedFile file) {
        files.serve(path, file);
        return file;
    }

    /** Answers requests for {@code path} with {@code status} and {@code Location: location}. */
    public void redirect(String path, int status, String location) {
        files.redirect(path, status, location);
    }

    /** Answers requests matching the servlet {@code pathSpec} (e.g. {@code "/upload/*"}) with {@code servlet}. */
    public TestServer servlet(String pathSpec, HttpServlet servlet) {
        return mount(pathSpec, new ServletHolder(servlet));
    }

    /** As {@link #servlet}, for a servlet that reads multipart parts with Jetty's own parser. */
    public TestServer multipartServlet(String pathSpec, HttpServlet servlet, MultipartConfigElement config) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.getRegistration().setMultipartConfig(config);
        return mount(pathSpec, holder);
    }

    private TestServer mount(String pathSpec, ServletHolder holder) {
        // Mounted while the server runs: Jetty starts the holder and updates its mappings.
        servlets.addServlet(holder, pathSpec);
        return this;
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        return files.requests();
    }

    /** The requests received for {@code path} (decoded), in order. */
    public List<RecordedRequest> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Body bytes of served files written to clients so far, over all requests. */
    public long bytesSent() {
        return files.bytesSent();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the test server", e);
        }
    }

    /** Deterministic pseudo-random bytes: the same seed gives the same file. */
    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "TestServer[" + url("/") + "]";
    }

    /** What a path nobody serves gets, as a short text rather than Jetty's HTML error page. */
    private static final class NotFound extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body = ("Not found: " + request.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            response.setStatus(404);
            response.setContentType("text/plain; charset=utf-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
