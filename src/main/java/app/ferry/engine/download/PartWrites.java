package app.ferry.engine.download;

import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Writing received bytes into the partial file, shared by the single-connection and the segmented download. */
final class PartWrites {

    private PartWrites() {
    }

    /**
     * Writes all of {@code buffer} at {@code position}. A failed write is fatal, not retried: the
     * disk will not fix itself, and the user reads what to do (free space) and that nothing is lost.
     */
    static void write(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        try {
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("No space left")) {
                throw new TransferFailure.Fatal(Phrases.diskFull(position), e);
            }
            throw new TransferFailure.Fatal(Phrases.writeFailed(String.valueOf(e.getMessage()), position), e);
        }
    }
}
