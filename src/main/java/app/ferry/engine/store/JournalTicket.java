package app.ferry.engine.store;

import java.io.IOException;

/** One line on its way to the disk, and what became of it. Guarded by the group commit's lock. */
final class JournalTicket {

    final String key;
    final byte[] line;
    /** Whether a caller waits for this line to be on disk. */
    final boolean awaited;
    boolean done;
    IOException failure;

    JournalTicket(String key, byte[] line, boolean awaited) {
        this.key = key;
        this.line = line;
        this.awaited = awaited;
    }

    boolean isRemoval() {
        return JournalLines.isRemoval(key, line);
    }
}
