package app.ferry.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A directory that holds Ferry's task state, owned by one process at a time through an OS file
 * lock. The lock dies with the process — even with {@code kill -9} — so a stale lock file never
 * blocks the next start; the pid written into it only serves the error message.
 */
public final class StateDirectory implements AutoCloseable {

    private static final String LOCK_FILE = "ferry.lock";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StateDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static StateDirectory open(Path root) throws IOException {
        Path dir = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw new IOException("Cannot create the state directory " + dir + ": permission denied. Choose another with --state.", e);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("The state directory " + dir + " is not writable. Choose another with --state.");
        }
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String owner = readOwner(channel);
            channel.close();
            throw new StateDirectoryInUseException("The state directory " + dir + " is already in use by "
                    + (owner.isEmpty() ? "another Ferry process" : "pid " + owner)
                    + ". Wait for it to finish, or give this one another --state directory.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
        return new StateDirectory(dir, channel, lock);
    }

    private static String readOwner(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    }

    public Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
