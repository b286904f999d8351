package app.ferry.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks are reused only once every byte of them was taken; whatever the consumer does, the bytes are the file's. */
class SegmentReaderTest {

    private static final int CHUNK = 1024;

    @TempDir
    Path dir;

    private byte[] content(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private SegmentReader reader(Path file, byte[] content) {
        BodySegment segment = new BodySegment.FileRegion(file, 0, content.length, content.length);
        return new SegmentReader(List.of(segment), content.length, CHUNK);
    }

    @Test
    void aConsumedChunkIsReusedAndAHeldOneNever() throws IOException {
        byte[] content = content(20 * CHUNK + 7, 1);
        Path file = Files.write(dir.resolve("body.bin"), content);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        List<ByteBuffer> held = new ArrayList<>();
        try (SegmentReader reader = reader(file, content)) {
            ByteBuffer first = reader.next();
            byte[] bytes = new byte[first.remaining()];
            first.get(bytes);
            received.writeBytes(bytes);

            ByteBuffer second = reader.next();
            assertThat(second).as("the consumed chunk comes back").isSameAs(first);
            // Held, not consumed: like a chunk still queued in the client.
            held.add(second);
            ByteBuffer third = reader.next();
            assertThat(third).isNotSameAs(second);
            held.add(third);
            while (reader.remaining() > 0) {
                ByteBuffer chunk = reader.next();
                assertThat(held).as("a chunk with bytes left is never handed out again").doesNotContain(chunk);
                held.add(chunk);
                if (held.size() > 6) {
                    // Taken out late, in order, as a socket would: they become free again.
                    ByteBuffer oldest = held.removeFirst();
                    byte[] late = new byte[oldest.remaining()];
                    oldest.get(late);
                    received.writeBytes(late);
                }
            }
        }
        for (ByteBuffer chunk : held) {
            byte[] late = new byte[chunk.remaining()];
            chunk.get(late);
            received.writeBytes(late);
        }
        assertThat(received.toByteArray()).isEqualTo(content);
    }

    @Test
    void aHalfTakenChunkIsNotReused() throws IOException {
        byte[] content = content(8 * CHUNK, 2);
        Path file = Files.write(dir.resolve("body.bin"), content);
        try (SegmentReader reader = reader(file, content)) {
            ByteBuffer first = reader.next();
            first.position(first.limit() - 1);
            ByteBuffer second = reader.next();
            assertThat(second).isNotSameAs(first);
            assertThat(first.get()).as("its last byte is still the file's").isEqualTo(content[CHUNK - 1]);
        }
    }
}
