package app.ferry.engine.download;

import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.transfer.Outcome;
import app.ferry.engine.transfer.TransferContext;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Writes one validated body into the partial file in order, and makes it durable: bytes are
 * written, the file is fsynced, and only then does the state claim them. A crash between the
 * two loses time, never correctness.
 */
final class SingleConnectionCopy {

    /** Reads of the JDK client's buffers are at most this large (jdk.httpclient.bufsize). */
    private static final int COPY_BUFFER_BYTES = 256 << 10;
    private static final int MIN_COPY_BUFFER_BYTES = 8 << 10;

    private SingleConnectionCopy() {
    }

    /**
     * Reads the body's first {@code offset - from} bytes and compares them with the file's: a
     * resume that no strong validator guards proves so that it continues the same version.
     */
    static void verifyOverlap(InputStream body, FileChannel channel, long from, long offset) throws IOException {
        int length = Math.toIntExact(offset - from);
        byte[] remote = body.readNBytes(length);
        if (remote.length < length) {
            throw new IOException("The connection closed while re-checking the last " + length + " bytes");
        }
        ByteBuffer local = ByteBuffer.allocate(length);
        while (local.hasRemaining()) {
            if (channel.read(local, from + local.position()) < 0) {
                break;
            }
        }
        if (local.hasRemaining() || !Arrays.equals(local.array(), remote)) {
            throw new RestartFromZero(Phrases.overlapDiffers(offset));
        }
    }

    /**
     * @param resumable false for a body decoded as it arrives: its bytes are never claimed before
     *     the end, as a resume's range would count the compressed bytes, so the next attempt starts
     *     from zero
     */
    static Outcome copy(DownloadSpec spec, TransferContext context, InputStream body, FileChannel channel, long start,
                        long total, boolean resumable) throws IOException {
        // No bigger than the body: a fresh 1 MiB array (the size then) per 100 KiB file was nine tenths of all the
        // allocation (and its zeroing) of a run of many small downloads.
        long expected = total >= 0 ? total - start : COPY_BUFFER_BYTES;
        byte[] buffer = new byte[(int) Math.clamp(expected, MIN_COPY_BUFFER_BYTES, COPY_BUFFER_BYTES)];
        ByteBuffer wrapper = ByteBuffer.wrap(buffer);
        long position = start;
        try {
            while (true) {
                int n = body.read(buffer, 0, context.readSize(buffer.length));
                if (n < 0) {
                    break;
                }
                if (total >= 0 && position + n > total) {
                    throw TransferFailure.Retryable.of(Phrases.tooMuchData(total));
                }
                wrapper.clear().limit(n);
                PartWrites.write(channel, wrapper, position);
                position += n;
                context.addBytesDone(n);
                context.touch();
                context.throttleDownload(n);
                if (resumable && context.checkpointDue()) {
                    makeDurable(context, channel, position);
                }
            }
        } catch (IOException e) {
            // Everything written so far came in order from a validated response: keep it.
            if (resumable) {
                makeDurable(context, channel, position);
            }
            if (context.stopRequested()) {
                return new Outcome.Stopped();
            }
            throw e;
        }
        if (total >= 0 && position < total) {
            makeDurable(context, channel, position);
            if (context.stopRequested()) {
                return new Outcome.Stopped();
            }
            throw TransferFailure.Retryable.of(Phrases.closedEarly(position, total));
        }
        return Completion.complete(spec, context, channel, position);
    }

    private static void makeDurable(TransferContext context, FileChannel channel, long position) throws IOException {
        channel.force(false);
        context.update(r -> r.withDownload(r.download().withPrefix(position)));
        context.checkpoint();
    }
}
