package app.ferry.handoff;

import app.ferry.engine.FerryBuild;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One accepted connection: requests in, one reply each, until the peer closes. A frame error
 * (too large, truncated) gets its error reply and ends the connection, since the stream is out
 * of step after it; a bad request in a sound frame gets its error reply and the next may follow.
 * Only a {@link RequestValidator valid} hand-off reaches the receiver. Nothing a peer sent is
 * logged: it may hold cookies.
 */
final class HandOffConnection {

    private static final Logger LOG = Logger.getLogger(HandOffConnection.class.getName());

    private final SocketChannel channel;
    private final HandOffReceiver receiver;
    private final PeerCheck peerCheck;
    private final Duration timeout;

    HandOffConnection(SocketChannel channel, HandOffReceiver receiver, PeerCheck peerCheck, Duration timeout) {
        this.channel = channel;
        this.receiver = receiver;
        this.peerCheck = peerCheck;
        this.timeout = timeout;
    }

    static void refuseBusy(SocketChannel channel) {
        try (channel) {
            Frames.write(channel, Codec.write(Reply.error(ErrorCode.UNAVAILABLE,
                    "Ferry is serving " + HandOffServer.MAX_CONNECTIONS + " other connections; try again")));
        } catch (IOException e) {
            LOG.log(Level.FINE, "A refused hand-off connection closed before its answer", e);
        }
    }

    void run() {
        try (channel) {
            Optional<String> refusal = peerCheck.refusal(channel);
            if (refusal.isPresent()) {
                reply(Reply.error(ErrorCode.FORBIDDEN, refusal.get()));
                return;
            }
            while (serveOne()) {
                // One request per turn until the peer closes or the stream breaks.
            }
        } catch (ClosedChannelException e) {
            // The deadline closed it (a peer that stalled mid-frame) or the server is closing: nothing to answer.
            LOG.log(Level.FINE, "A hand-off connection was closed while waiting", e);
        } catch (IOException e) {
            LOG.log(Level.FINE, "A hand-off connection broke", e);
        }
    }

    /** Serves one request; false when the connection is over. */
    private boolean serveOne() throws IOException {
        byte[] frame;
        try (Deadline deadline = Deadline.after(timeout, channel)) {
            Optional<byte[]> read = Frames.read(channel, HandOffProtocol.MAX_MESSAGE_BYTES);
            if (read.isEmpty()) {
                return false;
            }
            frame = read.get();
        } catch (FrameException e) {
            reply(Reply.error(e.code(), e.getMessage()));
            return false;
        }
        reply(answer(frame));
        return true;
    }

    private Reply answer(byte[] frame) {
        Request request;
        try {
            request = Codec.readRequest(frame);
        } catch (IllegalArgumentException e) {
            return Reply.error(ErrorCode.BAD_JSON, e.getMessage());
        }
        RequestValidator.Valid valid;
        try {
            valid = RequestValidator.validate(request);
        } catch (ProtocolViolation e) {
            return Reply.error(e.code(), e.getMessage());
        }
        return switch (valid) {
            case RequestValidator.Valid.Ping() -> Reply.pong(ProcessHandle.current().pid(), FerryBuild.version());
            case RequestValidator.Valid.Deliver(HandOff handOff) -> deliver(handOff);
        };
    }

    private Reply deliver(HandOff handOff) {
        try {
            return Reply.accepted(receiver.receive(handOff));
        } catch (HandOffUnavailableException e) {
            return Reply.error(ErrorCode.UNAVAILABLE, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The window failed to take a hand-off", e);
            return Reply.error(ErrorCode.UNAVAILABLE, "the Ferry window failed to take the downloads: " + e);
        }
    }

    private void reply(Reply reply) throws IOException {
        Frames.write(channel, Codec.write(reply));
    }
}
