package app.ferry.engine.store;

import java.io.IOException;
import java.nio.file.Path;

/** One line on its way to the disk, and what became of it. Guarded by the group commit's lock. */
final class JournalTicket {

    final String key;
    final byte[] line;
    /** Whether a caller waits for this line to be on disk. */
    final boolean awaited;
    /**
     * A folder whose entries the line names (a completed download's file), fsynced before the
     * line is written, or null. The writer syncs each folder once for its whole batch.
     */
    final Path directoryFirst;
    boolean done;
    IOException failure;

    JournalTicket(String key, byte[] line, boolean awaited, Path directoryFirst) {
        this.key = key;
        this.line = line;
        this.awaited = awaited;
        this.directoryFirst = directoryFirst;
    }

    boolean isRemoval() {
        return JournalLines.isRemoval(key, line);
    }
}
