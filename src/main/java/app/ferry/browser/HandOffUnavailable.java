package app.ferry.browser;

import java.util.List;

/**
 * The forwarder of a build that has no single-instance hand-off yet: the host still answers
 * pings (so the popup can tell the host is installed) and refuses downloads with a reason, which
 * makes the extension keep the browser's own download. Replaced by the hand-off client.
 */
final class HandOffUnavailable implements HostForwarder {

    @Override
    public boolean windowRunning() {
        return false;
    }

    @Override
    public ForwardReply forward(List<BrowserDownload> downloads) {
        return ForwardReply.rejected("This Ferry cannot take downloads from the browser yet: it has no hand-off to its window.");
    }
}
