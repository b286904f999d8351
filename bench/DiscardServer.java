import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The upload target of bench/run.sh: an HTTP/1.1 server on 127.0.0.1 that reads any PUT or POST
 * body (Content-Length or chunked, answering Expect: 100-continue) into a 1 MiB buffer, throws it
 * away and answers 200 with the byte count. Debian's nginx cannot take a PUT without the WebDAV
 * module and a writable location, and returning early would let clients stop sending.
 *
 * <p>Run with the JDK's source launcher: {@code java bench/DiscardServer.java PORT}.
 */
public final class DiscardServer {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket(port, 64, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            socket.setReceiveBufferSize(4 << 20);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[1 << 20];
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                long length = 0;
                boolean chunked = false;
                boolean expectContinue = false;
                boolean close = false;
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    String h = header.toLowerCase(Locale.ROOT);
                    if (h.startsWith("content-length:")) {
                        length = Long.parseLong(h.substring(15).trim());
                    } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                        chunked = true;
                    } else if (h.startsWith("expect:") && h.contains("100-continue")) {
                        expectContinue = true;
                    } else if (h.startsWith("connection:") && h.contains("close")) {
                        close = true;
                    }
                }
                if (expectContinue) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                long received = 0;
                if (chunked) {
                    for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                         size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                        received += skip(in, buffer, size);
                        line(in);
                    }
                    while (!line(in).isEmpty()) {
                        // trailers
                    }
                } else {
                    received = skip(in, buffer, length);
                }
                String body = received + "\n";
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // A client that went away: nothing to clean up.
        }
    }

    private static long skip(InputStream in, byte[] buffer, long length) throws IOException {
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("body ended early");
            }
            left -= n;
        }
        return length;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }
}
