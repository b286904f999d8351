package app.ferry.handoff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Optional;

/**
 * Length-prefixed frames: a 4-byte big-endian length, then that many bytes. The length is
 * checked before a byte of the body is read or a buffer allocated, so a hostile prefix cannot
 * make the reader allocate 2 GiB.
 */
final class Frames {

    private Frames() {
    }

    /**
     * Reads one frame; empty when the peer closed the connection cleanly between frames.
     *
     * @throws FrameException when the length is over {@code maxBytes} or the stream ends inside a frame
     */
    static Optional<byte[]> read(ReadableByteChannel channel, int maxBytes) throws IOException, FrameException {
        ByteBuffer prefix = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN);
        if (!fill(channel, prefix) && prefix.position() == 0) {
            return Optional.empty();
        }
        if (prefix.hasRemaining()) {
            throw new FrameException(ErrorCode.TRUNCATED, "the connection ended inside a length prefix ("
                    + prefix.position() + " of 4 bytes)");
        }
        long length = Integer.toUnsignedLong(prefix.flip().getInt());
        if (length > maxBytes) {
            throw new FrameException(ErrorCode.TOO_LARGE, "a message of " + length + " bytes is over the limit of "
                    + maxBytes + " bytes; send fewer downloads per message");
        }
        ByteBuffer body = ByteBuffer.allocate((int) length);
        if (!fill(channel, body) && body.hasRemaining()) {
            throw new FrameException(ErrorCode.TRUNCATED, "the connection ended after " + body.position() + " of the "
                    + length + " bytes its length prefix announced");
        }
        return Optional.of(body.array());
    }

    static void write(WritableByteChannel channel, byte[] message) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(4 + message.length).order(ByteOrder.BIG_ENDIAN);
        frame.putInt(message.length).put(message).flip();
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    /** Reads until {@code buffer} is full (true) or the stream ends (false). */
    private static boolean fill(ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }
}
