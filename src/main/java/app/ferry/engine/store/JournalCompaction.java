package app.ferry.engine.store;

import app.ferry.engine.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SequencedMap;

/**
 * When and how a journal is rewritten from its live lines: once it has grown past 1 MiB and to
 * four times them, into a temp file that atomically replaces it (see {@link AtomicFiles}).
 */
final class JournalCompaction {

    private static final long MIN_COMPACT_BYTES = 1 << 20;

    private JournalCompaction() {
    }

    static boolean tooLong(long size, long liveBytes) {
        return size > MIN_COMPACT_BYTES && size > 4 * liveBytes;
    }

    static long liveBytes(SequencedMap<String, byte[]> live) {
        return live.values().stream().mapToLong(line -> line.length).sum();
    }

    /**
     * Replaces the file by one holding only {@code live}, durably, name included.
     */
    static void rewrite(Path file, SequencedMap<String, byte[]> live) throws IOException {
        replace(file, live);
        AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
    }

    /**
     * Replaces the file by one holding only {@code live}; its name is not synced when it existed
     * (the caller decides whether the old file is a safe fallback). Throws only before the rename.
     */
    static void replace(Path file, SequencedMap<String, byte[]> live) throws IOException {
        AtomicFiles.write(file, image(live));
    }

    /** The file a compaction writes, built in one array of its exact size (it can be megabytes). */
    private static byte[] image(SequencedMap<String, byte[]> live) {
        byte[] magic = JournalLines.MAGIC;
        byte[] bytes = new byte[Math.toIntExact(magic.length + liveBytes(live))];
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        int at = magic.length;
        for (byte[] line : live.values()) {
            System.arraycopy(line, 0, bytes, at, line.length);
            at += line.length;
        }
        return bytes;
    }
}
