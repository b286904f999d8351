package app.ferry.engine.store;

import app.ferry.engine.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder syncs a batch of journal lines needs first. A line that names a file (a completed
 * download's final name) may reach the disk only after that name did; syncing the folder once
 * for every line of the batch, on the writer's thread, replaces one fsync per file on each
 * task's own thread (1000 small downloads paid 1003 of them in series with their other flushes:
 * bench/results/2026-12-04.md).
 */
final class DirectorySyncs {

    private DirectorySyncs() {
    }

    /**
     * Fsyncs every folder the batch asks for, each once, and returns the lines that must not be
     * written because their folder could not be synced, with the reason.
     */
    static Map<JournalTicket, IOException> before(List<JournalTicket> batch, Runnable counter) {
        Map<Path, IOException> outcomes = new HashMap<>();
        Map<JournalTicket, IOException> refused = new IdentityHashMap<>();
        for (JournalTicket ticket : batch) {
            Path dir = ticket.directoryFirst;
            if (dir == null) {
                continue;
            }
            if (!outcomes.containsKey(dir)) {
                outcomes.put(dir, sync(dir));
                counter.run();
            }
            IOException failure = outcomes.get(dir);
            if (failure != null) {
                refused.put(ticket, failure);
            }
        }
        return refused;
    }

    private static IOException sync(Path dir) {
        try {
            AtomicFiles.fsyncDirectory(dir);
            return null;
        } catch (IOException e) {
            return new IOException("the folder " + dir + " could not be synced, so the state that names a file in it"
                    + " was not saved: " + e.getMessage(), e);
        }
    }
}
