package app.ferry.handoff;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The primary Ferry's end of the channel: a bound Unix-domain server socket. It is bound by
 * {@link SingleInstance#claim} as early as possible (a second start then finds it and waits in
 * the backlog) and accepts once {@link #serve} gives it a receiver, on a virtual thread; each
 * connection gets its own ({@link HandOffConnection}).
 */
public final class HandOffServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HandOffServer.class.getName());

    /** Connections served at once; more are told to try again. Local peers only, so a small number. */
    static final int MAX_CONNECTIONS = 16;

    private final InstancePaths paths;
    private final FileChannel lock;
    private final ServerSocketChannel channel;
    private final PeerCheck peerCheck;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private volatile Duration replyTimeout = Duration.ofSeconds(30);
    private volatile boolean closed;

    private HandOffServer(InstancePaths paths, FileChannel lock, ServerSocketChannel channel, PeerCheck peerCheck) {
        this.paths = paths;
        this.lock = lock;
        this.channel = channel;
        this.peerCheck = peerCheck;
    }

    /** Binds the socket (the caller holds {@code lock} and removed any stale socket) with mode 0600. */
    static HandOffServer bind(InstancePaths paths, FileChannel lock) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(paths.socket()), MAX_CONNECTIONS);
            OwnerOnly.file(paths.socket());
            PeerCheck check = new PeerCheck(OwnerOnly.posix(paths.socket())
                    ? Files.getOwner(paths.socket()) : OwnerOnly.currentUser());
            return new HandOffServer(paths, lock, server, check);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public InstancePaths paths() {
        return paths;
    }

    /** How long one connection may take to send a request, and the receiver to answer it. */
    public HandOffServer withTimeout(Duration timeout) {
        this.replyTimeout = timeout;
        return this;
    }

    /** Starts accepting; each valid hand-off goes to {@code receiver}. Returns at once. */
    public void serve(HandOffReceiver receiver) {
        Thread.ofVirtual().name("ferry-handoff-accept").start(() -> acceptLoop(receiver));
    }

    private void acceptLoop(HandOffReceiver receiver) {
        while (!closed) {
            SocketChannel connection;
            try {
                connection = channel.accept();
            } catch (ClosedChannelException e) {
                return; // close() was called.
            } catch (IOException e) {
                LOG.log(Level.WARNING, "The hand-off socket stopped accepting; later starts will open their own window", e);
                return;
            }
            if (!slots.tryAcquire()) {
                Thread.ofVirtual().name("ferry-handoff-busy").start(() -> HandOffConnection.refuseBusy(connection));
                continue;
            }
            HandOffConnection handler = new HandOffConnection(connection, receiver, peerCheck, replyTimeout);
            Thread.ofVirtual().name("ferry-handoff-connection").start(() -> {
                try {
                    handler.run();
                } finally {
                    slots.release();
                }
            });
        }
    }

    /** Stops accepting, removes the socket file and gives up the lock, so the next start can serve. */
    @Override
    public void close() throws IOException {
        closed = true;
        try (lock; channel) {
            Files.deleteIfExists(paths.socket());
        }
    }
}
