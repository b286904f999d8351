package app.ferry.browser;

import app.ferry.handoff.Download;
import app.ferry.handoff.HandOffClient;
import app.ferry.handoff.InstancePaths;
import app.ferry.handoff.Receipt;
import app.ferry.handoff.Reply;
import app.ferry.handoff.Request;
import app.ferry.handoff.SingleInstance;
import app.ferry.handoff.WindowLauncher;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The host's way to the running Ferry: the single-instance hand-off channel. A download starts
 * the window when none runs (the user clicked "Download with Ferry": they want it); a ping never
 * does, because the popup only asks whether Ferry is there.
 */
public final class HandOffForwarder implements HostForwarder {

    /** How a window is started when none answers; {@link WindowLauncher#startAndConnect} outside tests. */
    @FunctionalInterface
    public interface WindowStarter {
        HandOffClient startAndConnect(InstancePaths paths, Duration timeout) throws IOException;
    }

    /** A cold JVM with JavaFX takes a few seconds; a busy machine (CI on 2 cores) has taken 30 and more. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** The popup waits for this answer: a window that takes longer is as good as not there. */
    static final Duration PING_TIMEOUT = Duration.ofSeconds(5);

    private final InstancePaths paths;
    private final WindowStarter starter;
    private final Duration startTimeout;
    private final PrintStream log;

    public HandOffForwarder(InstancePaths paths, WindowStarter starter, Duration startTimeout, PrintStream log) {
        this.paths = Objects.requireNonNull(paths, "paths");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The forwarder of the installed host: this user's Ferry, started by its own launcher. */
    public static HandOffForwarder forCurrentUser(PrintStream log) {
        return new HandOffForwarder(InstancePaths.forCurrentUser(), WindowLauncher::startAndConnect, START_TIMEOUT, log);
    }

    @Override
    public boolean windowRunning() {
        try {
            Optional<HandOffClient> client = HandOffClient.connect(paths);
            if (client.isEmpty()) {
                return false;
            }
            try (HandOffClient c = client.get()) {
                return Reply.PONG.equals(c.send(Request.ping(), PING_TIMEOUT).type());
            }
        } catch (IOException e) {
            // The popup's question has a yes/no answer; why it is "no" goes to the browser's log.
            log.println("ferry-host: the Ferry window did not answer a ping: " + e.getMessage());
            return false;
        }
    }

    @Override
    public ForwardReply forward(List<BrowserDownload> downloads) throws IOException {
        List<Download> handed = downloads.stream().map(HandOffForwarder::toHandOff).toList();
        Reply reply;
        try (HandOffClient client = connectOrStart()) {
            reply = client.handOff(handed, true, SingleInstance.HAND_OFF_TIMEOUT);
        }
        return answer(reply, downloads.size());
    }

    private HandOffClient connectOrStart() throws IOException {
        Optional<HandOffClient> running = HandOffClient.connect(paths);
        if (running.isPresent()) {
            return running.get();
        }
        log.println("ferry-host: no Ferry window runs; starting one");
        return starter.startAndConnect(paths, startTimeout);
    }

    /** The browser's view of a download in the hand-off's terms; the User-Agent becomes a plain header. */
    static Download toHandOff(BrowserDownload d) {
        Map<String, String> headers = new LinkedHashMap<>(d.headers());
        if (d.userAgent() != null && !d.userAgent().isBlank()) {
            headers.put("User-Agent", d.userAgent());
        }
        String cookies = d.cookieHeader();
        return new Download(d.url().toString(), headers, cookies.isEmpty() ? null : cookies,
                d.referer() == null ? null : d.referer().toString(), d.suggestedName(),
                d.pageUrl() == null ? null : d.pageUrl().toString());
    }

    static ForwardReply answer(Reply reply, int asked) {
        if (reply.isError()) {
            return ForwardReply.rejected("Ferry refused the download (" + reply.error() + "): " + reply.message());
        }
        Receipt receipt = reply.receipt();
        String reasons = receipt.rejected().stream().map(r -> r.url() + ": " + r.reason())
                .collect(Collectors.joining("; "));
        if (receipt.added().isEmpty()) {
            // Nothing queued: the extension must keep the browser's own download.
            return ForwardReply.rejected("Ferry did not add " + (asked == 1 ? "the download" : "the downloads") + ": " + reasons);
        }
        String added = "Ferry added " + receipt.added().size() + " of " + asked + " download" + (asked == 1 ? "" : "s") + ".";
        return ForwardReply.accepted(reasons.isEmpty() ? added : added + " Not added: " + reasons);
    }
}
