package app.ferry.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule both front ends use for "this download is already in the list": a download is the
 * same as a known one when it fetches the same URL into the same folder. A known one that
 * finished counts only while its file is still there: once the user deleted the file, asking again
 * means downloading again. {@code ferry get} continues what it finds; the window says "already in
 * the list".
 *
 * <p>Built once from the queue's snapshots (and from downloads about to be added), then asked per
 * URL, so checking a list of thousands costs one pass. Not thread-safe: one caller builds and asks.
 */
public final class KnownDownloads {

    /** What a download asked for again matches. */
    public sealed interface Match {
        /** Nothing known: add it. */
        record None() implements Match {
        }

        /** Finished earlier, and its file is still in place. */
        record Downloaded(TaskId id, Path file) implements Match {
        }

        /** Known and not finished: queued, running, paused, failed, cancelled or waiting for credentials. */
        record Unfinished(TaskId id) implements Match {
        }

        /** Handed to the queue a moment ago ({@link #adding}) and not in its snapshots yet. */
        record Adding() implements Match {
        }

        default boolean isKnown() {
            return !(this instanceof None);
        }
    }

    /** What makes two downloads the same: their URL and their folder (absolute, normalised). */
    private record Key(String url, Path directory) {
        static Key of(DownloadSpec spec) {
            return new Key(spec.url(), spec.directory().toAbsolutePath().normalize());
        }
    }

    private final Map<Key, List<TaskSnapshot>> byKey = new HashMap<>();
    /** Downloads handed to the queue and not yet in its snapshots. */
    private final java.util.Set<Key> pending = new java.util.HashSet<>();

    private KnownDownloads() {
    }

    /** The downloads among these snapshots; uploads are never "the same download". */
    public static KnownDownloads of(List<TaskSnapshot> snapshots) {
        KnownDownloads known = new KnownDownloads();
        for (TaskSnapshot task : snapshots) {
            if (task.record().spec() instanceof DownloadSpec download) {
                known.byKey.computeIfAbsent(Key.of(download), k -> new ArrayList<>()).add(task);
            }
        }
        return known;
    }

    /** Counts {@code spec} as known from now on: it is being added (a second paste of it is a duplicate). */
    public void adding(DownloadSpec spec) {
        pending.add(Key.of(spec));
    }

    /**
     * What {@code spec} matches: the first known task for its URL and folder, in the order they
     * were added, that is unfinished or finished with its file still there.
     */
    public Match find(DownloadSpec spec) {
        Key key = Key.of(spec);
        for (TaskSnapshot task : byKey.getOrDefault(key, List.of())) {
            if (task.state() != TaskState.COMPLETED) {
                return new Match.Unfinished(task.id());
            }
            Path file = task.record().download() == null ? null : task.record().download().finalFile();
            if (file != null && Files.exists(file)) {
                return new Match.Downloaded(task.id(), file);
            }
        }
        return pending.contains(key) ? new Match.Adding() : new Match.None();
    }
}
