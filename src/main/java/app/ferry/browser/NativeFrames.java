package app.ferry.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The browsers' native-messaging framing: each message is a 32-bit length in native byte order
 * (little-endian on every platform Ferry runs on) followed by that many bytes of UTF-8 JSON.
 * Chrome allows 1 MB from the host to the browser and 4 GB the other way; Ferry's host accepts
 * far less than 4 GB, since no honest request needs more than a few kilobytes.
 */
final class NativeFrames {

    /** Chrome's limit on one message from the host: "The maximum size of a single message from the native application is 1 MB." */
    static final int MAX_REPLY_BYTES = 1024 * 1024;

    private NativeFrames() {
    }

    /**
     * Reads the next message.
     *
     * @return empty when the browser closed the stream between messages (the normal end)
     * @throws HostProtocolException {@code too-large} when the announced length exceeds {@code limit}
     *                               (the rest is not read: the stream cannot be trusted after it), or
     *                               {@code truncated} when the stream ends inside a length or a body
     */
    static Optional<byte[]> read(InputStream in, int limit) throws IOException, HostProtocolException {
        byte[] header = in.readNBytes(4);
        if (header.length == 0) {
            return Optional.empty();
        }
        if (header.length < 4) {
            throw new HostProtocolException("truncated", "The message ended inside its 4-byte length (" + header.length + " bytes).");
        }
        long length = (header[0] & 0xFFL) | (header[1] & 0xFFL) << 8 | (header[2] & 0xFFL) << 16 | (header[3] & 0xFFL) << 24;
        if (length > limit) {
            throw new HostProtocolException("too-large", "The message announces " + length + " bytes; at most " + limit + " are accepted.");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new HostProtocolException("truncated", "The message announced " + length + " bytes but ended after " + body.length + ".");
        }
        return Optional.of(body);
    }

    /** Writes one message and flushes it, so the browser gets it before the host reads on. */
    static void write(OutputStream out, byte[] json) throws IOException {
        if (json.length > MAX_REPLY_BYTES) {
            // Chrome drops the connection on a larger reply; our replies are a few hundred bytes, so this is a bug.
            throw new IllegalArgumentException("A reply of " + json.length + " bytes exceeds the browsers' 1 MB limit");
        }
        int n = json.length;
        out.write(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
        out.write(json);
        out.flush();
    }
}
