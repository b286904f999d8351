package app.ferry.engine.upload;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * A request body streamed from a file, or from a region of it (a tus PATCH sends one chunk of the
 * file per request).
 *
 * <p>Unlike {@code BodyPublishers.ofFile} it reads 1 MiB per chunk, reports every chunk to
 * {@code bytesSent}, sends a region, and fails with a {@link FileChangedException} ("FILE changed
 * size during upload: was A bytes, now B") instead of sending a body that matches no version of
 * the file. Each {@link #subscribe} starts again from the region's first byte, so a redirect or a
 * retry re-sends the same bytes; see {@link SegmentPublisher} for how progress is rewound then.
 */
public final class FileBodyPublisher implements HttpRequest.BodyPublisher {

    private final Path file;
    private final long offset;
    private final SegmentPublisher delegate;

    private FileBodyPublisher(Path file, long offset, long length, long fileSize, LongConsumer bytesSent,
            BodyEnd end, int chunkSize) {
        this.file = file;
        this.offset = offset;
        this.delegate = new SegmentPublisher(
                List.of(new BodySegment.FileRegion(file, offset, length, fileSize)), bytesSent, end, chunkSize);
    }

    /** The whole file, as it is now. */
    public static FileBodyPublisher of(Path file, LongConsumer bytesSent) throws IOException {
        return of(file, bytesSent, BodyEnd.NONE);
    }

    /** The whole file, as it is now; {@code end} hears when it was handed over whole. */
    public static FileBodyPublisher of(Path file, LongConsumer bytesSent, BodyEnd end) throws IOException {
        long size = Files.size(file);
        return new FileBodyPublisher(file, 0, size, size, bytesSent, end, SegmentPublisher.CHUNK_SIZE);
    }

    /**
     * Bytes {@code offset..offset+length} of the file.
     *
     * @throws IllegalArgumentException if the region does not lie inside the file as it is now
     */
    public static FileBodyPublisher ofRegion(Path file, long offset, long length, LongConsumer bytesSent)
            throws IOException {
        return ofRegion(file, offset, length, bytesSent, BodyEnd.NONE);
    }

    /** Bytes {@code offset..offset+length} of the file; {@code end} hears when they were handed over whole. */
    public static FileBodyPublisher ofRegion(Path file, long offset, long length, LongConsumer bytesSent, BodyEnd end)
            throws IOException {
        return new FileBodyPublisher(file, offset, length, Files.size(file), bytesSent, end, SegmentPublisher.CHUNK_SIZE);
    }

    /** With a chosen chunk size, so tests can cross chunk boundaries with small files. */
    static FileBodyPublisher ofRegion(Path file, long offset, long length, LongConsumer bytesSent, int chunkSize)
            throws IOException {
        return new FileBodyPublisher(file, offset, length, Files.size(file), bytesSent, BodyEnd.NONE, chunkSize);
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }

    @Override
    public long contentLength() {
        return delegate.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        delegate.subscribe(subscriber);
    }
}
