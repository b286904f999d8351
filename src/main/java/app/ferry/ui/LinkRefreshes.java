package app.ferry.ui;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.handoff.Download;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The downloads the user asked to "Refresh link" for (their link expired: 403 or 410), waiting
 * for the browser to hand over the same file again. A hand-off is that file when its suggested
 * name, or the last segment of its URL's path, is the waiting task's name or the last segment of
 * the task's own URL. The engine then decides resume or restart by the validators
 * ({@code TransferQueue.refreshLink}); matching by name only chooses which task to ask.
 *
 * <p>Thread safety: marked on the FX thread, matched on the hand-off's; a concurrent set.
 */
public final class LinkRefreshes {

    private final Set<TaskId> waiting = ConcurrentHashMap.newKeySet();

    /** The task waits for a new link from the browser. */
    public void await(TaskId id) {
        waiting.add(id);
    }

    public boolean isWaiting(TaskId id) {
        return waiting.contains(id);
    }

    /**
     * The waiting download {@code download} is a new link for, taken off the waiting list; empty
     * when none waits for a file of that name.
     */
    public Optional<TaskSnapshot> claim(Download download, Collection<TaskSnapshot> tasks) {
        Optional<String> name = Optional.ofNullable(download.suggestedName()).filter(n -> !n.isBlank())
                .or(() -> lastSegment(download.url()));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        for (TaskSnapshot task : tasks) {
            if (waiting.contains(task.id()) && task.state().isResumable() && task.record().spec() instanceof DownloadSpec spec
                    && (name.get().equals(task.record().name()) || lastSegment(spec.url()).filter(name.get()::equals).isPresent())
                    && waiting.remove(task.id())) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    /** The decoded last path segment of {@code url}, or empty when it has none. */
    static Optional<String> lastSegment(String url) {
        try {
            String path = URI.create(url).getRawPath();
            if (path == null || path.isEmpty() || path.endsWith("/")) {
                return Optional.empty();
            }
            String segment = path.substring(path.lastIndexOf('/') + 1);
            return Optional.of(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // Not a URL we could have queued: it names no file of ours.
        }
    }

    /**
     * The task's spec with the browser's new link; folder, checksum and connections stay, and so
     * does the page it came from unless the browser names the page it came from now ({@code page}).
     */
    static DownloadSpec withNewLink(DownloadSpec old, String url, URI page) {
        return new DownloadSpec(URI.create(url), old.directory(), old.sha256(), old.connections(), old.allowHttpsDowngrade())
                .fromPage(page != null ? page : old.fromPage());
    }

    List<TaskId> waitingIds() {
        return List.copyOf(waiting);
    }
}
