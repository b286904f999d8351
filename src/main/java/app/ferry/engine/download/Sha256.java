package app.ferry.engine.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file's first {@code length} bytes, streamed. */
final class Sha256 {

    private Sha256() {
    }

    static String of(FileChannel channel, long length) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        long position = 0;
        while (position < length) {
            buffer.clear();
            if (length - position < buffer.capacity()) {
                buffer.limit((int) (length - position));
            }
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException("The file is shorter than " + length + " bytes");
            }
            buffer.flip();
            digest.update(buffer);
            position += n;
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
