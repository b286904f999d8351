package app.ferry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A server on raw sockets that answers each request with whatever bytes its script writes,
 * however wrong: two {@code Content-Length} headers, a body cut short, a lying validator. Jetty
 * refuses to send some of these. One request per connection; the connection closes after the
 * answer.
 */
public final class ScriptedServer implements AutoCloseable {

    /** What the client sent: the request line and its headers (names in lower case). */
    public record Request(int number, String method, String target, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Writes the answer to request {@code request} onto {@code out}; may stop half way. */
    @FunctionalInterface
    public interface Script {
        void answer(Request request, OutputStream out) throws IOException;
    }

    private final ServerSocket socket;
    private final Script script;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    private ScriptedServer(Script script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofPlatform().daemon().name("scripted-server").start(this::acceptLoop);
    }

    public static ScriptedServer start(Script script) throws IOException {
        return new ScriptedServer(script);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /** A head of status line and headers, each line ended by CRLF, and the empty line. */
    public static byte[] head(String statusLine, String... headers) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(statusLine).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.execute(() -> serve(connection));
            } catch (IOException e) {
                // Closed by close(): the loop ends.
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            Request request = read(in);
            if (request == null) {
                return;
            }
            requests.add(request);
            script.answer(request, out);
            out.flush();
        } catch (IOException e) {
            // The client hung up mid-answer: that is what some scripts test.
        }
    }

    private Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return new Request(requests.size() + 1, requestLine[0], requestLine[1], headers);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }
}
