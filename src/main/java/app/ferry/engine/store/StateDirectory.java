package app.ferry.engine.store;

import app.ferry.engine.StateDirectoryInUseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A directory that holds Ferry's task state, owned by one process at a time through an OS file
 * lock. The lock dies with the process — even with {@code kill -9} — so a stale lock file never
 * blocks the next start; the pid written into it only serves the error message.
 */
public final class StateDirectory implements AutoCloseable {

    private static final String LOCK_FILE = "ferry.lock";

    /**
     * Directories this process holds. The OS lock cannot tell a second open in the same process:
     * {@code tryLock} on a second channel throws OverlappingFileLockException, and closing that
     * channel would silently release the lock taken through the first one (POSIX locks belong to
     * the process; see {@link FileLock}). So a second channel on a held lock file is never opened.
     */
    private static final Set<Path> HELD_BY_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final Path key;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StateDirectory(Path root, Path key, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.key = key;
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
        Path key = dir.toRealPath();
        if (!HELD_BY_THIS_PROCESS.add(key)) {
            throw inUse(dir, String.valueOf(ProcessHandle.current().pid()));
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dir, readOwner(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            return new StateDirectory(dir, key, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_BY_THIS_PROCESS.remove(key);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /**
     * Whether a live process holds {@code root} now, for readers such as {@code ferry list} that
     * must tell "running" from "its process was killed". Read from the pid in the lock file rather
     * than by trying the lock: a probe lock taken at the moment another ferry starts would make that
     * start fail as "in use". A pid reused by an unrelated process reads as held, the safe side.
     */
    public static boolean heldByALiveProcess(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        try {
            if (HELD_BY_THIS_PROCESS.contains(dir.toRealPath())) {
                return true;
            }
            String owner = Files.readString(dir.resolve(LOCK_FILE), StandardCharsets.US_ASCII).trim();
            long pid = Long.parseLong(owner);
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            // No lock file or no pid in it: no process has it open now.
            return false;
        }
    }

    private static StateDirectoryInUseException inUse(Path dir, String owner) {
        return new StateDirectoryInUseException("The state directory " + dir + " is already in use by "
                + (owner.isEmpty() ? "another Ferry process" : "pid " + owner)
                + ". Wait for it to finish, or give this one another --state directory.");
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
            HELD_BY_THIS_PROCESS.remove(key);
        }
    }
}
