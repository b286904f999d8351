package app.ferry.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server that answers each path with exactly the bytes it was given, status line and
 * headers included: what a misbehaving or hostile server sends, which Jetty would refuse to.
 * Listens on 127.0.0.1 only; one virtual thread per connection, one answer per connection.
 */
final class ScriptedSocketServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    ScriptedSocketServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("scripted-server").start(this::accept);
    }

    /** Answers {@code path} with {@code raw}, written as ISO-8859-1 so every char is one byte. */
    ScriptedSocketServer answer(String path, String raw) {
        return answer(path, raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    ScriptedSocketServer answer(String path, byte[] raw) {
        answers.put(path, raw);
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            String head = readHead(connection.getInputStream());
            String requestLine = head.lines().findFirst().orElse("");
            requestLines.add(requestLine);
            String[] parts = requestLine.split(" ");
            byte[] raw = parts.length > 1 ? answers.get(parts[1]) : null;
            OutputStream out = connection.getOutputStream();
            out.write(raw != null ? raw
                    : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // The client may hang up first (it refused the answer): nothing to serve then.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
