package app.ferry.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.engine.FormPart;
import app.ferry.testing.TestServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 256 MiB file goes through a JVM limited to 64 MiB of heap: proof that nothing buffers the body. */
class MultipartMemoryTest {

    private static final long FILE_SIZE = 256L << 20;

    @TempDir
    Path dir;

    @Test
    void uploadsAFileFourTimesTheHeapFromAChildJvm() throws Exception {
        Path file = dir.resolve("big.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(FILE_SIZE);
            // Sparse zeros, with random bytes at the start, the middle and the end to check.
            byte[] noise = new byte[1 << 20];
            new Random(42).nextBytes(noise);
            for (long at : new long[] {0, FILE_SIZE / 2 + 12345, FILE_SIZE - noise.length}) {
                raf.seek(at);
                raf.write(noise);
            }
        }
        AtomicLong received = new AtomicLong(-1);
        AtomicLong announced = new AtomicLong(-1);
        AtomicReference<String> sha256 = new AtomicReference<>();
        TestServer server = TestServer.start().servlet("/upload", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                MessageDigest digest = newSha256();
                long count = 0;
                byte[] buffer = new byte[1 << 20];
                try (InputStream in = request.getInputStream()) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        digest.update(buffer, 0, n);
                        count += n;
                    }
                }
                announced.set(request.getContentLengthLong());
                received.set(count);
                sha256.set(HexFormat.of().formatHex(digest.digest()));
                response.setStatus(200);
            }
        });
        try {
            Path log = dir.resolve("child.log");
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m",
                    "-cp", System.getProperty("java.class.path"),
                    MultipartMemoryProbe.class.getName(),
                    server.uri("/upload").toString(),
                    file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean exited = child.waitFor(3, TimeUnit.MINUTES);
            if (!exited) {
                child.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(exited).as("child finished in time; output:%n%s", output).isTrue();
            assertThat(child.exitValue()).as("child exit code; output:%n%s", output).isZero();

            Map<String, String> printed = output.lines()
                    .filter(line -> line.matches("[a-zA-Z]+=.*"))
                    .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                            (a, b) -> b));
            assertThat(Long.parseLong(printed.get("maxMemory"))).isLessThanOrEqualTo(64L << 20);
            long length = Long.parseLong(printed.get("length"));
            assertThat(length).isGreaterThan(FILE_SIZE);
            assertThat(announced.get()).isEqualTo(length);
            assertThat(received.get()).isEqualTo(length);

            // The same parts and boundary, streamed here, must hash the same as what the server got.
            MultipartBody same = MultipartBody.of(List.of(
                    new FormPart.TextField("description", "big"),
                    new FormPart.FileField("file", file, "big.bin", "application/octet-stream")),
                    printed.get("boundary"));
            assertThat(sha256.get()).isEqualTo(Bodies.sha256(same.publisher(n -> { })));
        } finally {
            server.close();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
