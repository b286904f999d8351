package app.ferry.handoff;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A second start's end of the channel: connects to the running Ferry, sends requests and waits
 * for each reply. Requests go one after another on one connection.
 */
public final class HandOffClient implements AutoCloseable {

    private final SocketChannel channel;

    private HandOffClient(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * Connects to the running Ferry; empty when none runs (no socket, or a stale one that refuses).
     *
     * @throws IOException for anything else (e.g. a folder of another user)
     */
    public static Optional<HandOffClient> connect(InstancePaths paths) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(paths.socket()));
            return Optional.of(new HandOffClient(channel));
        } catch (ConnectException | NoSuchFileException e) {
            channel.close();
            return Optional.empty(); // Refused: a stale socket, whose owner died.
        } catch (SocketException e) {
            channel.close();
            if (!Files.exists(paths.socket(), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty(); // The JDK says ENOENT this way: no Ferry has bound the socket.
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Connects, trying again every 50 ms until {@code timeout}: for a Ferry that is starting (its
     * window was just spawned, or it holds the lock and has not bound the socket yet).
     *
     * @throws IOException saying how long it waited and where, when no Ferry accepted in time
     */
    public static HandOffClient awaitConnect(InstancePaths paths, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<HandOffClient> client = connect(paths);
            if (client.isPresent()) {
                return client.get();
            }
            if (System.nanoTime() - end > 0) {
                throw new IOException("no Ferry window accepted connections on " + paths.socket() + " within "
                        + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the Ferry window to start", e);
            }
        }
    }

    /**
     * Sends one request and waits at most {@code timeout} for its reply. An error reply is
     * returned, not thrown: it is the window's answer.
     *
     * @throws IOException when the connection breaks or no reply comes in time
     */
    public Reply send(Request request, Duration timeout) throws IOException {
        byte[] message = Codec.write(request);
        if (message.length > HandOffProtocol.MAX_MESSAGE_BYTES) {
            throw new IOException("the request is " + message.length + " bytes, over the protocol's "
                    + HandOffProtocol.MAX_MESSAGE_BYTES + "; send fewer downloads at a time");
        }
        try (Deadline deadline = Deadline.after(timeout, channel)) {
            try {
                Frames.write(channel, message);
                Optional<byte[]> reply = Frames.read(channel, HandOffProtocol.MAX_MESSAGE_BYTES);
                if (reply.isEmpty()) {
                    throw new IOException("the Ferry window closed the connection without answering");
                }
                return Codec.readReply(reply.get());
            } catch (ClosedChannelException e) {
                if (deadline.expired()) {
                    throw new IOException("the Ferry window did not answer within " + timeout.toSeconds() + " s", e);
                }
                throw e;
            } catch (FrameException e) {
                throw new IOException("the Ferry window's answer is unreadable: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Hands over any number of downloads in requests of at most {@link HandOffProtocol#MAX_DOWNLOADS},
     * and merges the receipts. Stops at the first error reply and returns it.
     */
    public Reply handOff(List<Download> downloads, boolean bringToFront, Duration timeout) throws IOException {
        if (downloads.isEmpty()) {
            return send(Request.handOff(List.of(), bringToFront), timeout);
        }
        List<String> added = new ArrayList<>();
        List<Receipt.Rejection> rejected = new ArrayList<>();
        for (int from = 0; from < downloads.size(); from += HandOffProtocol.MAX_DOWNLOADS) {
            List<Download> batch = downloads.subList(from, Math.min(downloads.size(), from + HandOffProtocol.MAX_DOWNLOADS));
            // Only the last batch raises the window: once is enough.
            boolean last = from + batch.size() >= downloads.size();
            Reply reply = send(Request.handOff(batch, bringToFront && last), timeout);
            if (reply.isError()) {
                return reply;
            }
            added.addAll(reply.receipt().added());
            rejected.addAll(reply.receipt().rejected());
        }
        return Reply.accepted(new Receipt(added, rejected));
    }

    /**
     * What is wrong with a request, as the window would answer it, so that a client can say so
     * before it connects (or starts a window); empty when it is valid.
     */
    public static Optional<String> problem(Request request) {
        try {
            RequestValidator.validate(request);
            return Optional.empty();
        } catch (ProtocolViolation e) {
            return Optional.of(e.getMessage());
        }
    }

    /** What is wrong with one download (each problem starts with the field); empty when it is valid. */
    public static List<String> problems(Download download) {
        return RequestValidator.problems(download);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
