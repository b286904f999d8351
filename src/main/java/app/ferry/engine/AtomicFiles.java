package app.ferry.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash at any instant leaves either the old or the new content,
 * never a torn one: write a sibling temp file, fsync it, rename it over the target, and fsync the
 * directory when the name is new so the file itself survives a power cut.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        boolean replacing = Files.exists(target);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The file system of " + dir + " cannot rename atomically; Ferry cannot keep its state there safely", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        // A new name must reach the disk, or the file could vanish in a crash. A replaced one need
        // not: until the directory is flushed a crash shows the old, complete, fsynced version,
        // which claims less progress — always safe — and saves an fsync per checkpoint.
        if (!replacing) {
            fsyncDirectory(dir);
        }
    }

    /**
     * Makes a directory entry change (create, rename) durable. Linux allows opening a directory
     * for reading and fsyncing it; platforms that do not (Windows) journal metadata anyway.
     */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }
}
