package app.ferry.handoff;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Checks that the process at the other end of a connection runs as the same user, from the
 * kernel's own record of it ({@code SO_PEERCRED} on Linux, {@code getpeereid} on macOS: the JDK's
 * {@link ExtendedSocketOptions#SO_PEERCRED}). The owner-only folder already keeps other users
 * out; this is the second lock, for a folder whose mode someone loosened. Windows has no such
 * option: there the folder's ACL is the only guard.
 */
final class PeerCheck {

    private final UserPrincipal owner;

    /** @param owner the user the server runs as (the owner of the socket file it bound) */
    PeerCheck(UserPrincipal owner) {
        this.owner = owner;
    }

    /** The refusal, or empty when the peer is this user or the OS cannot tell. */
    Optional<String> refusal(SocketChannel channel) throws IOException {
        if (!channel.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
            return Optional.empty();
        }
        UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        UserPrincipal user = peer.user();
        if (user.equals(owner) || user.getName().equals(owner.getName())) {
            return Optional.empty();
        }
        return Optional.of("the connecting process runs as " + user.getName() + ", this Ferry as " + owner.getName());
    }
}
