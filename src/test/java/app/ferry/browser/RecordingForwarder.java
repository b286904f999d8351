package app.ferry.browser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A forwarder that records what reached it and answers as told: the test double of Ferry's window. */
final class RecordingForwarder implements HostForwarder {

    final List<BrowserDownload> received = new ArrayList<>();
    boolean running = true;
    ForwardReply answer = ForwardReply.accepted("Queued.");
    IOException failure;

    @Override
    public boolean windowRunning() {
        return running;
    }

    @Override
    public ForwardReply forward(List<BrowserDownload> downloads) throws IOException {
        if (failure != null) {
            throw failure;
        }
        received.addAll(downloads);
        return answer;
    }
}
