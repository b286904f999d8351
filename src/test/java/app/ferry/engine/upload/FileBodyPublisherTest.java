package app.ferry.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ferry.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBodyPublisherTest {

    private static final int CHUNK = 1000;

    private static final AtomicReference<byte[]> rawBody = new AtomicReference<>();
    private static final AtomicLong rawContentLength = new AtomicLong();
    private static final CountDownLatch slowServerStarted = new CountDownLatch(1);
    private static final CountDownLatch fileTruncated = new CountDownLatch(1);
    private static TestServer server;
    private static HttpClient http;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start()
                .servlet("/raw", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response)
                            throws IOException {
                        rawContentLength.set(request.getContentLengthLong());
                        rawBody.set(request.getInputStream().readAllBytes());
                        response.setStatus(200);
                    }
                })
                .servlet("/slow", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response)
                            throws IOException {
                        InputStream in = request.getInputStream();
                        in.read();
                        slowServerStarted.countDown();
                        try {
                            fileTruncated.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException("interrupted", e);
                        }
                        // The client aborts mid-body; the read ends in an exception that Jetty reports.
                        in.readAllBytes();
                        response.setStatus(200);
                    }
                });
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopServer() throws Exception {
        http.close();
        server.close();
    }

    private Path randomFile(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve("data-" + size + ".bin"), bytes);
    }

    @Test
    void sendsExactlyTheRegionAcrossChunkBoundaries() throws Exception {
        Path file = randomFile(10_000);
        byte[] all = Files.readAllBytes(file);
        long[][] regions = {{0, 10_000}, {0, 1}, {999, 2}, {1000, 1000}, {1234, 5678}, {9_999, 1}, {10_000, 0}, {0, 0}};
        for (long[] r : regions) {
            FileBodyPublisher publisher = FileBodyPublisher.ofRegion(file, r[0], r[1], n -> { }, CHUNK);
            assertThat(publisher.contentLength()).as("region %s", Arrays.toString(r)).isEqualTo(r[1]);
            assertThat(Bodies.collect(publisher)).as("region %s", Arrays.toString(r))
                    .isEqualTo(Arrays.copyOfRange(all, (int) r[0], (int) (r[0] + r[1])));
        }
    }

    @Test
    void sendsTheWholeFileToARealServerWithExactContentLength() throws Exception {
        Path file = randomFile(3 * SegmentPublisher.CHUNK_SIZE + 17);
        AtomicLong sent = new AtomicLong();
        FileBodyPublisher publisher = FileBodyPublisher.of(file, sent::addAndGet);

        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(server.uri("/raw")).PUT(publisher).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rawBody.get()).isEqualTo(Files.readAllBytes(file));
        assertThat(rawContentLength.get()).isEqualTo(Files.size(file));
        assertThat(sent.get()).isEqualTo(Files.size(file));
    }

    @Test
    void rejectsARegionOutsideTheFile() throws Exception {
        Path file = randomFile(100);
        assertThatThrownBy(() -> FileBodyPublisher.ofRegion(file, 50, 51, n -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("region 50+51 is outside " + file + " (100 bytes)");
        assertThatThrownBy(() -> FileBodyPublisher.ofRegion(file, -1, 1, n -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handsOverNoMoreChunksThanRequested() throws Exception {
        Path file = randomFile(10_000);
        StepSubscriber subscriber = new StepSubscriber();
        FileBodyPublisher.ofRegion(file, 0, 10_000, n -> { }, CHUNK).subscribe(subscriber);

        subscriber.subscription.request(1);
        assertThat(subscriber.chunks).hasSize(1);
        subscriber.subscription.request(2);
        assertThat(subscriber.chunks).hasSize(3);
        assertThat(subscriber.completed).isFalse();
        subscriber.subscription.request(7);
        assertThat(subscriber.chunks).hasSize(10);
        assertThat(subscriber.completed).isTrue();
    }

    @Test
    void countsEachChunkWhenItIsHandedOverAndNeverMoreThanTheLength() throws Exception {
        Path file = randomFile(10_500);
        AtomicLong counted = new AtomicLong();
        List<String> violations = new ArrayList<>();
        StepSubscriber subscriber = new StepSubscriber() {
            @Override
            public void onNext(ByteBuffer item) {
                super.onNext(item);
                if (counted.get() != received) {
                    violations.add("counted " + counted.get() + " but handed over " + received);
                }
            }
        };
        FileBodyPublisher.ofRegion(file, 0, 10_500, n -> {
            if (counted.addAndGet(n) > 10_500) {
                violations.add("counted " + counted.get() + " > 10500");
            }
        }, CHUNK).subscribe(subscriber);

        subscriber.subscription.request(3);
        assertThat(counted.get()).isEqualTo(3 * CHUNK);
        subscriber.subscription.request(Long.MAX_VALUE);

        assertThat(subscriber.completed).isTrue();
        assertThat(counted.get()).isEqualTo(10_500);
        assertThat(violations).isEmpty();
    }

    @Test
    void startsAgainFromTheRegionStartOnEverySubscriptionAndRewindsProgress() throws Exception {
        Path file = randomFile(10_000);
        AtomicLong counted = new AtomicLong();
        FileBodyPublisher publisher = FileBodyPublisher.ofRegion(file, 500, 9_000, counted::addAndGet, CHUNK);

        StepSubscriber abandoned = new StepSubscriber();
        publisher.subscribe(abandoned);
        abandoned.subscription.request(4);
        assertThat(counted.get()).isEqualTo(4 * CHUNK);

        byte[] second = Bodies.collect(publisher);
        byte[] third = Bodies.collect(publisher);

        assertThat(second).isEqualTo(Arrays.copyOfRange(Files.readAllBytes(file), 500, 9_500));
        assertThat(third).isEqualTo(second);
        assertThat(counted.get()).isEqualTo(9_000);
    }

    @Test
    void failsWhenTheFileIsTruncatedBetweenChunks() throws Exception {
        Path file = randomFile(10_000);
        StepSubscriber subscriber = new StepSubscriber();
        FileBodyPublisher.ofRegion(file, 0, 10_000, n -> { }, CHUNK).subscribe(subscriber);
        subscriber.subscription.request(1);

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(500);
        }
        subscriber.subscription.request(1);

        assertThat(subscriber.chunks).hasSize(1);
        assertThat(subscriber.error)
                .isInstanceOf(FileChangedException.class)
                .hasMessage(file + " changed size during upload: was 10000 bytes, now 500");
    }

    @Test
    void failsWhenTheFileIsRewrittenInPlaceWithTheSameSizeBetweenChunks() throws Exception {
        Path file = randomFile(10_000);
        StepSubscriber subscriber = new StepSubscriber();
        FileBodyPublisher.ofRegion(file, 0, 10_000, n -> { }, CHUNK).subscribe(subscriber);
        subscriber.subscription.request(1);

        byte[] other = new byte[10_000];
        new Random(7).nextBytes(other);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(other));
        }
        // Some file systems keep whole seconds: make the edit visible whatever they keep.
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + 5_000));
        subscriber.subscription.request(5);

        assertThat(Files.size(file)).isEqualTo(10_000);
        assertThat(subscriber.chunks).hasSize(1);
        assertThat(subscriber.completed).isFalse();
        assertThat(subscriber.error)
                .isInstanceOf(FileChangedException.class)
                .hasMessageStartingWith(file + " changed while it was being uploaded: it was modified at ");
    }

    @Test
    void failsWhenTheFileIsReplacedByAnotherOfTheSameSizeBetweenChunks() throws Exception {
        Path file = randomFile(10_000);
        StepSubscriber subscriber = new StepSubscriber();
        FileBodyPublisher.ofRegion(file, 0, 10_000, n -> { }, CHUNK).subscribe(subscriber);
        subscriber.subscription.request(1);

        Path replacement = Files.write(dir.resolve("replacement.tmp"), new byte[10_000]);
        Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(file));
        Files.move(replacement, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        subscriber.subscription.request(5);

        assertThat(subscriber.completed).isFalse();
        assertThat(subscriber.error)
                .isInstanceOf(FileChangedException.class)
                .hasMessage(file + " changed while it was being uploaded: it was replaced by another file of the"
                        + " same size. Upload it again once it is no longer being written");
    }

    @Test
    void aFileLeftAloneIsSentWholeAfterItsLastCheck() throws Exception {
        Path file = randomFile(10_000);
        StepSubscriber subscriber = new StepSubscriber();
        FileBodyPublisher.ofRegion(file, 0, 10_000, n -> { }, CHUNK).subscribe(subscriber);

        subscriber.subscription.request(100);

        assertThat(subscriber.error).isNull();
        assertThat(subscriber.completed).isTrue();
        assertThat(subscriber.received).isEqualTo(10_000);
    }

    @Test
    void failsWhenTheFileDisappearsBetweenChunks() throws Exception {
        Path file = randomFile(10_000);
        StepSubscriber subscriber = new StepSubscriber();
        FileBodyPublisher.ofRegion(file, 0, 10_000, n -> { }, CHUNK).subscribe(subscriber);
        subscriber.subscription.request(1);

        Files.delete(file);
        subscriber.subscription.request(1);

        assertThat(subscriber.error)
                .isInstanceOf(FileChangedException.class)
                .hasMessage(file + " disappeared during upload");
    }

    @Test
    void failsWhenTheFileDisappearsBeforeTheFirstByte() throws Exception {
        Path file = randomFile(10);
        FileBodyPublisher publisher = FileBodyPublisher.of(file, n -> { });
        Files.delete(file);

        assertThatThrownBy(() -> Bodies.collect(publisher))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(FileChangedException.class)
                .hasMessage(file + " disappeared during upload");
    }

    @Test
    void aSendFailsWhenTheFileIsTruncatedWhileTheServerIsReading() throws Exception {
        Path file = dir.resolve("big.bin");
        // 64 MiB cannot fit in the socket buffers, so the client is mid-body when the server pauses.
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(64L << 20);
        }
        FileBodyPublisher publisher = FileBodyPublisher.of(file, n -> { });
        var response = http.sendAsync(HttpRequest.newBuilder(server.uri("/slow")).PUT(publisher).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(slowServerStarted.await(30, TimeUnit.SECONDS)).isTrue();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(1 << 20);
        }
        fileTruncated.countDown();

        assertThatThrownBy(() -> response.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .rootCause()
                .isInstanceOf(FileChangedException.class)
                .hasMessage(file + " changed size during upload: was 67108864 bytes, now 1048576");
    }

    /** Requests only when told to, and records what arrives. */
    static class StepSubscriber implements Flow.Subscriber<ByteBuffer> {
        Flow.Subscription subscription;
        final List<ByteBuffer> chunks = new ArrayList<>();
        long received;
        boolean completed;
        Throwable error;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onNext(ByteBuffer item) {
            chunks.add(item);
            received += item.remaining();
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }
}
