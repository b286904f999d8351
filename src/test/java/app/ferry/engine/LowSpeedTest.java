package app.ferry.engine;

import static app.ferry.testing.Queues.awaitFinished;
import static app.ferry.testing.Queues.fastConfig;
import static app.ferry.testing.Queues.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The low-speed rule: a body dripping one byte at a time is never silent, so the idle timeout
 * never fires; the rule cuts it off so that the download reconnects and resumes.
 */
class LowSpeedTest {

    private static final byte[] CONTENT = TestServer.randomBytes(200_000, 11);
    /** Sent at once before the drip starts. */
    private static final int HEAD = 50_000;

    @TempDir
    Path temp;

    private DripServer server;

    @BeforeEach
    void start() throws IOException {
        server = new DripServer();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aDrippingBodyIsCutOffAndTheDownloadResumesWhereItStopped() throws IOException {
        // The idle timeout stays at its default minute: only the low-speed rule can act within the test.
        EngineConfig config = fastConfig().withLowSpeed(1024, Duration.ofSeconds(2));
        try (TransferQueue queue = TransferQueue.open(temp.resolve("state"), config)) {
            long started = System.nanoTime();
            TaskId id = queue.add(DownloadSpec.of(server.url(), temp.resolve("out")));
            TaskSnapshot done = awaitFinished(queue, id);

            assertThat(done.state()).as(done.record().message()).isEqualTo(TaskState.COMPLETED);
            assertThat(sha256(done.record().download().finalFile())).isEqualTo(sha256(CONTENT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(server.ranges).hasSize(2);
            assertThat(server.ranges.getFirst()).isNull();
            // Resumed from what the dripping attempt had saved: the head and some dripped bytes.
            long resumedAt = Long.parseLong(server.ranges.get(1).replaceAll("bytes=(\\d+)-", "$1"));
            assertThat(resumedAt).isGreaterThanOrEqualTo(HEAD).isLessThan(CONTENT.length);
        }
    }

    @Test
    void withoutTheRuleTheDripKeepsTheTaskRunning() throws IOException {
        EngineConfig config = fastConfig().withLowSpeed(0, Duration.ofSeconds(2));
        try (TransferQueue queue = TransferQueue.open(temp.resolve("state"), config)) {
            TaskId id = queue.add(DownloadSpec.of(server.url(), temp.resolve("out")));
            await().atMost(Duration.ofSeconds(30)).until(() -> queue.snapshot(id).orElseThrow().bytesDone() > HEAD);
            // Three windows' time: the rule, had it been on, would have cut it off by now.
            await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
            assertThat(queue.snapshot(id).orElseThrow().state()).isEqualTo(TaskState.RUNNING);
            assertThat(server.ranges).hasSize(1);
        }
    }

    @Test
    void aRateLimitBelowTheRuleIsNotCutOff() throws IOException {
        EngineConfig config = fastConfig().withLowSpeed(1024, Duration.ofSeconds(1));
        try (TransferQueue queue = TransferQueue.open(temp.resolve("state"), config)) {
            TaskId id = queue.add(DownloadSpec.of(server.url(), temp.resolve("out")));
            queue.setTaskLimit(id, 512);
            await().atMost(Duration.ofSeconds(30)).until(() -> queue.snapshot(id).orElseThrow().bytesDone() > 0);
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(queue.snapshot(id).orElseThrow().state()).isEqualTo(TaskState.RUNNING);
            assertThat(server.ranges).hasSize(1);
        }
    }

    /**
     * A raw HTTP/1.1 server (Jetty would buffer a byte-at-a-time body): the first answer sends a
     * head of the file and then drips one byte every 100 ms; an answer to a Range request sends
     * the rest at once, as a 206.
     */
    private static final class DripServer implements AutoCloseable {

        private static final Pattern RANGE = Pattern.compile("(?im)^range:\\s*(\\S+)\\s*$");

        final List<String> ranges = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;
        private final Thread acceptor;

        DripServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofVirtual().start(this::accept);
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/drip.bin";
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread.ofVirtual().start(() -> serve(client));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket client) {
            try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                String head = readHead(in);
                Matcher range = RANGE.matcher(head);
                String asked = range.find() ? range.group(1) : null;
                ranges.add(asked == null ? null : asked);
                String common = "ETag: \"drip-1\"\r\nLast-Modified: Wed, 01 Jan 2025 00:00:00 GMT\r\n"
                        + "Accept-Ranges: bytes\r\nContent-Type: application/octet-stream\r\n";
                if (asked != null) {
                    int from = Integer.parseInt(asked.replaceAll("bytes=(\\d+)-", "$1"));
                    out.write(("HTTP/1.1 206 Partial Content\r\n" + common + "Content-Range: bytes " + from + "-"
                            + (CONTENT.length - 1) + "/" + CONTENT.length + "\r\nContent-Length: "
                            + (CONTENT.length - from) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(CONTENT, from, CONTENT.length - from);
                    out.flush();
                    return;
                }
                out.write(("HTTP/1.1 200 OK\r\n" + common + "Content-Length: " + CONTENT.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(CONTENT, 0, HEAD);
                out.flush();
                for (int i = HEAD; i < CONTENT.length; i++) {
                    out.write(CONTENT[i]);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                // The client hung up on the drip: what the test is about.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("The client closed before the end of its request head");
                }
                head.append((char) b);
                matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : b == '\r' ? 1 : 0;
            }
            return head.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            acceptor.interrupt();
        }
    }
}
