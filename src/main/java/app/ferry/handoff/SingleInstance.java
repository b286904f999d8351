package app.ferry.handoff;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Decides which Ferry serves the channel. The one that holds {@code primary.lock} (an OS lock,
 * gone when its process dies however it dies) binds the socket; every other start is a client.
 * The lock rather than the socket decides because two starts that both found a dead socket
 * would otherwise both delete it and bind, the second unlinking the first's live socket.
 */
public final class SingleInstance {

    /** The outcome of {@link #claim}. */
    public sealed interface Claim {
        /** This process serves the channel: start serving once the window can receive. */
        record Primary(HandOffServer server) implements Claim {
        }

        /** Another Ferry holds the lock: hand over to it with {@link HandOffClient}. */
        record Secondary() implements Claim {
        }
    }

    private SingleInstance() {
    }

    /**
     * Takes the lock and binds the socket, replacing a stale one (its file is there but a connect
     * is refused: the Ferry that bound it died without removing it).
     *
     * @throws IOException when the folder cannot be made owner-only or the socket cannot be bound
     */
    public static Claim claim(InstancePaths paths) throws IOException {
        OwnerOnly.directory(paths.directory());
        FileChannel lockFile = FileChannel.open(paths.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            OwnerOnly.file(paths.lock());
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // This JVM already serves the channel (tests run two instances in one JVM).
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
        if (lock == null) {
            lockFile.close();
            return new Claim.Secondary();
        }
        try {
            if (removeIfStale(paths)) {
                return new Claim.Primary(HandOffServer.bind(paths, lockFile));
            }
            lockFile.close();
            return new Claim.Secondary();
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    /**
     * True when the socket path is free for binding: there was nothing, or a dead socket (removed
     * here). False when something answers on it although we hold the lock, which only a Ferry of
     * a version before the lock, or one on a file system without locks, would do: it is left alone.
     */
    static boolean removeIfStale(InstancePaths paths) throws IOException {
        if (!Files.exists(paths.socket(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(paths.socket()));
            return false;
        } catch (ConnectException | NoSuchFileException e) {
            Files.deleteIfExists(paths.socket()); // Refused: nobody listens, the socket outlived its Ferry.
            return true;
        } catch (SocketException e) {
            // Not a socket at all (a plain file left by something else): nothing can be listening on it.
            Files.deleteIfExists(paths.socket());
            return true;
        }
    }

    /** How long a start waits for the running Ferry to answer before it opens a window of its own. */
    public static final Duration HAND_OFF_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The fast path of a start with no arguments, before any JavaFX class loads: when a Ferry runs,
     * asks it to come to the front and returns its reply; empty when none runs.
     */
    public static Optional<Reply> raiseRunning(InstancePaths paths) throws IOException {
        Optional<HandOffClient> client = HandOffClient.connect(paths);
        if (client.isEmpty()) {
            return Optional.empty();
        }
        try (HandOffClient running = client.get()) {
            return Optional.of(running.handOff(List.of(), true, HAND_OFF_TIMEOUT));
        }
    }

    /**
     * What a starting window does: becomes the primary (returns its bound server, to serve once
     * the window is up) or, when another Ferry holds the lock, asks it to come to the front and
     * returns empty, meaning "exit". Throws when neither worked; the window then opens on its own
     * (and says so if the other Ferry holds the queue).
     */
    public static Optional<HandOffServer> primaryOrRaise(InstancePaths paths) throws IOException {
        Claim claim = claim(paths);
        if (claim instanceof Claim.Primary(HandOffServer server)) {
            return Optional.of(server);
        }
        // The holder of the lock may still be binding its socket: wait for it to accept.
        try (HandOffClient running = HandOffClient.awaitConnect(paths, HAND_OFF_TIMEOUT)) {
            Reply reply = running.handOff(List.of(), true, HAND_OFF_TIMEOUT);
            if (reply.isError()) {
                throw new IOException("the running Ferry refused to come to the front: " + reply.message());
            }
            return Optional.empty();
        }
    }
}
