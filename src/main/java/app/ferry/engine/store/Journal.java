package app.ferry.engine.store;

import app.ferry.engine.AtomicFiles;
import app.ferry.engine.Problem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Consumer;

/**
 * A durable map from keys to single-line values, kept as an append-only log with group commit
 * (docs/decisions/0005).
 *
 * <p>Every change is one line ({@link JournalLines}), and {@link #put} returns only once its line
 * is on the disk. One writer thread ({@link GroupCommit}) writes and fdatasyncs whatever lines
 * arrived while the last sync ran, so a thousand tasks finishing together share a handful of
 * syncs instead of each paying a temp file, an fsync and a rename (which on ext4 also costs an
 * inode allocation that grows slow under churn: measured as the larger part of the kernel time of
 * 1000 small downloads).
 *
 * <p>A crash can only tear the lines of a sync that never returned, so a bad tail is dropped
 * silently; a bad line followed by good ones is damage, reported and kept in a copy
 * ({@link JournalReader}). When the log has grown to several times its live content it is
 * rewritten from the live entries into a temp file that atomically replaces it
 * ({@link JournalCompaction}).
 */
public final class Journal implements AutoCloseable {

    private final Path file;
    /** The lines as they were when the journal was opened, until {@link #takeOpenedValues} takes them. */
    private SequencedMap<String, byte[]> opened;
    private final JournalFile out;
    private final GroupCommit commits;

    private Journal(Path file, FileChannel channel, SequencedMap<String, byte[]> live) throws IOException {
        this.file = file;
        this.out = new JournalFile(file, channel, live);
        // The same line arrays, not copies: values are cut out of them once, when taken.
        this.opened = new LinkedHashMap<>(live);
        this.commits = new GroupCommit(file, out);
    }

    /** What a journal file holds: its live values and any damage found in it. */
    public record Contents(SequencedMap<String, byte[]> values, List<Problem> problems) {
    }

    /**
     * Opens (creating it if needed) the journal for writing. A journal that is damaged, has a torn
     * tail, or is long (see {@link JournalCompaction}) is rewritten from its good lines (a damaged
     * one is first kept aside in a copy); a sound one is appended to as it is. Copying it at every
     * start took another copy of every task in memory: with ten thousand tasks (a 12 MB journal)
     * Ferry could not start in a 64 MiB heap.
     *
     * <p>Either way the file and its name are durable before anything is built on them: a process
     * killed in its last sync, or between a compaction's rename and its directory sync, leaves
     * lines and a name that a reader sees but a power cut could still take back.
     *
     * @param imported values from elsewhere (an older format) for keys the journal lacks; they
     *                 are durable in the journal when this returns
     */
    public static Journal open(Path file, Map<String, byte[]> imported, Consumer<Problem> problems) throws IOException {
        JournalReader.Parsed parsed = JournalReader.parse(file);
        if (!parsed.problems().isEmpty()) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            Files.copy(file, aside);
            parsed.problems().forEach(p -> problems.accept(new Problem(Problem.Code.JOURNAL_COPY_KEPT,
                    List.of(String.valueOf(aside.getFileName())), p.english() + "; kept a copy of the journal as "
                    + aside.getFileName(), false, p)));
        }
        SequencedMap<String, byte[]> live = new LinkedHashMap<>(parsed.lines());
        imported.forEach((key, value) -> live.putIfAbsent(key, JournalLines.line(key, value)));
        // A torn tail is replaced, never cut off in place: a reader (ferry list) may be reading
        // it, and the journal is only ever appended to or atomically replaced.
        boolean sound = parsed.journal() && parsed.problems().isEmpty() && parsed.goodEnd() == parsed.size()
                && live.size() == parsed.lines().size()
                && !JournalCompaction.tooLong(parsed.size(), JournalCompaction.liveBytes(live));
        if (!sound) {
            JournalCompaction.rewrite(file, live);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            if (sound) {
                channel.force(false);
                AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
            }
            return new Journal(file, channel, live);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads a journal another process may be writing, without changing it. */
    public static Contents read(Path file) throws IOException {
        JournalReader.Parsed parsed = JournalReader.parse(file);
        return new Contents(JournalLines.valuesOf(parsed.lines()), parsed.problems());
    }

    /**
     * The values as they were when the journal was opened, for the one reading at start; the
     * journal lets go of them then, since holding them as well as the live lines would keep two
     * copies of every task for as long as Ferry runs.
     *
     * @throws IllegalStateException when they were taken already
     */
    public synchronized SequencedMap<String, byte[]> takeOpenedValues() {
        if (opened == null) {
            throw new IllegalStateException("The values of " + file + " as opened were taken already");
        }
        SequencedMap<String, byte[]> values = JournalLines.valuesOf(opened);
        opened = null;
        return values;
    }

    /** Sets {@code key} to {@code value} (one line: no newline in it), durably on return. */
    public void put(String key, byte[] value) throws IOException {
        put(key, value, null);
    }

    /**
     * Sets {@code key} to {@code value}, durably on return, after an fsync of {@code directoryFirst}
     * (a folder holding a file the value names, or null): the writer syncs each folder once for all
     * the lines of a batch, so a thousand files completing together do not each pay their own.
     *
     * @throws IOException if the folder or the journal could not be synced; then the line was not written
     */
    public void put(String key, byte[] value, Path directoryFirst) throws IOException {
        commits.append(List.of(ticket(key, JournalLines.nonEmpty(value), true, directoryFirst)));
    }

    /**
     * Sets every key to its value, durably on return, in one sync: a thousand tasks added at once
     * cost one fdatasync, not a thousand in a row.
     */
    public void putAll(SequencedMap<String, byte[]> values) throws IOException {
        putAll(values, Map.of());
    }

    /**
     * As {@link #putAll(SequencedMap)}, each key's line after an fsync of its folder in
     * {@code directoriesFirst} (see {@link #put(String, byte[], Path)}), each folder synced once.
     */
    public void putAll(SequencedMap<String, byte[]> values, Map<String, Path> directoriesFirst) throws IOException {
        List<JournalTicket> tickets = new ArrayList<>(values.size());
        values.forEach((key, value) -> tickets.add(ticket(key, JournalLines.nonEmpty(value), true,
                directoriesFirst.get(key))));
        commits.append(tickets);
    }

    /**
     * Sets {@code key} to {@code value} without waiting for the disk: the line goes out with the
     * next sync, in order with every other line. For a change that may be lost in a crash because
     * the value before it means the same after a restart; a write that fails is logged.
     */
    public void putEventually(String key, byte[] value) throws IOException {
        commits.append(List.of(ticket(key, JournalLines.nonEmpty(value), false, null)));
    }

    /** Removes {@code key}, durably on return. */
    public void remove(String key) throws IOException {
        commits.append(List.of(ticket(key, new byte[0], true, null)));
    }

    /** Removes every key, durably on return, in one sync. */
    public void removeAll(Collection<String> keys) throws IOException {
        List<JournalTicket> tickets = new ArrayList<>(keys.size());
        for (String key : keys) {
            tickets.add(ticket(key, new byte[0], true, null));
        }
        commits.append(tickets);
    }

    private static JournalTicket ticket(String key, byte[] value, boolean awaited, Path directoryFirst) {
        return new JournalTicket(key, JournalLines.line(key, value), awaited, directoryFirst);
    }

    /** How many times the journal was synced since it was opened: what a batch saves is measured in these. */
    public long syncs() {
        return out.syncs();
    }

    @Override
    public void close() throws IOException {
        commits.close();
        out.close();
    }
}
