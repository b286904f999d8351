package app.ferry.engine.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * A durable map from keys to single-line values, kept as an append-only log with group commit.
 *
 * <p>Every change is one line, {@code CRC KEY VALUE\n} (an empty value removes the key), and
 * {@link #put} returns only once its line is on the disk. One writer thread writes and
 * fdatasyncs whatever lines arrived while the last sync ran, so a thousand tasks finishing
 * together share a handful of syncs instead of each paying a temp file, an fsync and a rename
 * (which on ext4 also costs an inode allocation that grows slow under churn: measured as the
 * larger part of the kernel time of 1000 small downloads). The writer is a thread of its own
 * because an interrupt would close a shared {@link FileChannel} under every other task.
 *
 * <p>A crash can only tear the lines of a sync that never returned, so a bad tail is dropped
 * silently; a bad line followed by good ones is damage, reported and kept in a copy. When the
 * log has grown to several times its live content it is rewritten from the live entries into
 * a temp file that atomically replaces it.
 */
public final class Journal implements AutoCloseable {

    private static final byte[] MAGIC = "ferry-journal 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();
    private static final long MIN_COMPACT_BYTES = 1 << 20;

    private final Path file;
    /** The lines as they were when the journal was opened, until {@link #takeOpenedValues} takes them. */
    private SequencedMap<String, byte[]> opened;
    private final Thread writer;

    // Guarded by the lock.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition written = lock.newCondition();
    private List<Ticket> pending = new ArrayList<>();
    private boolean closing;
    /** Why the writer thread ended abnormally (a bug, an OutOfMemoryError); then nothing is written. */
    private IOException dead;

    // The writer thread's alone once constructed.
    private FileChannel channel;
    /** The live lines, in first-written order: what a compaction writes. */
    private final SequencedMap<String, byte[]> live;
    private long size;
    private long liveBytes;
    /** Set when a failed write could not be undone: the file's tail is unknown, so stop writing. */
    private IOException broken;
    /** After a compaction failed, the size at which to try again, rather than after every batch. */
    private long retryCompactionAt;

    private Journal(Path file, FileChannel channel, SequencedMap<String, byte[]> live) throws IOException {
        this.file = file;
        this.channel = channel;
        this.live = live;
        this.size = channel.size();
        this.liveBytes = liveBytes(live);
        // The same line arrays, not copies: values are cut out of them once, when taken.
        this.opened = new LinkedHashMap<>(live);
        this.writer = Thread.ofPlatform().name("ferry-journal").daemon().start(this::writeLoop);
    }

    /** What a journal file holds: its live values and any damage found in it. */
    public record Contents(SequencedMap<String, byte[]> values, List<String> problems) {
    }

    /**
     * Opens (creating it if needed) the journal for writing. A journal that is damaged, has a torn
     * tail, or is long (see {@link #write}) is rewritten from its good lines (a damaged one is
     * first kept aside in a copy); a sound one is appended to as it is. Copying it at every start
     * took another copy of every task in memory: with ten thousand tasks (a 12 MB journal) Ferry
     * could not start in a 64 MiB heap.
     *
     * <p>Either way the file and its name are durable before anything is built on them: a process
     * killed in its last sync, or between a compaction's rename and its directory sync, leaves
     * lines and a name that a reader sees but a power cut could still take back.
     *
     * @param imported values from elsewhere (an older format) for keys the journal lacks; they
     *                 are durable in the journal when this returns
     */
    public static Journal open(Path file, Map<String, byte[]> imported, Consumer<String> problems) throws IOException {
        Parsed parsed = parse(file);
        if (!parsed.problems.isEmpty()) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            Files.copy(file, aside);
            parsed.problems.forEach(p -> problems.accept(p + "; kept a copy of the journal as " + aside.getFileName()));
        }
        SequencedMap<String, byte[]> live = new LinkedHashMap<>(parsed.lines);
        imported.forEach((key, value) -> live.putIfAbsent(key, line(key, value)));
        // A torn tail is replaced, never cut off in place: a reader (ferry list) may be reading
        // it, and the journal is only ever appended to or atomically replaced.
        boolean sound = parsed.journal && parsed.problems.isEmpty() && parsed.goodEnd == parsed.size
                && live.size() == parsed.lines.size() && !tooLong(parsed.size, liveBytes(live));
        if (!sound) {
            rewrite(file, live);
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

    private static boolean tooLong(long size, long liveBytes) {
        return size > MIN_COMPACT_BYTES && size > 4 * liveBytes;
    }

    private static long liveBytes(SequencedMap<String, byte[]> live) {
        return live.values().stream().mapToLong(line -> line.length).sum();
    }

    /** Reads a journal another process may be writing, without changing it. */
    public static Contents read(Path file) throws IOException {
        Parsed parsed = parse(file);
        return new Contents(valuesOf(parsed.lines), parsed.problems);
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
        SequencedMap<String, byte[]> values = valuesOf(opened);
        opened = null;
        return values;
    }

    /** Sets {@code key} to {@code value} (one line: no newline in it), durably on return. */
    public void put(String key, byte[] value) throws IOException {
        append(List.of(new Ticket(key, line(key, nonEmpty(value)), true)));
    }

    /**
     * Sets every key to its value, durably on return, in one sync: a thousand tasks added at once
     * cost one fdatasync, not a thousand in a row.
     */
    public void putAll(SequencedMap<String, byte[]> values) throws IOException {
        List<Ticket> tickets = new ArrayList<>(values.size());
        values.forEach((key, value) -> tickets.add(new Ticket(key, line(key, nonEmpty(value)), true)));
        append(tickets);
    }

    /**
     * Sets {@code key} to {@code value} without waiting for the disk: the line goes out with the
     * next sync, in order with every other line. For a change that may be lost in a crash because
     * the value before it means the same after a restart; a write that fails is logged.
     */
    public void putEventually(String key, byte[] value) throws IOException {
        append(List.of(new Ticket(key, line(key, nonEmpty(value)), false)));
    }

    /** Removes {@code key}, durably on return. */
    public void remove(String key) throws IOException {
        append(List.of(new Ticket(key, line(key, new byte[0]), true)));
    }

    private static byte[] nonEmpty(byte[] value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("An empty value would read back as a removal");
        }
        return value;
    }

    private void append(List<Ticket> tickets) throws IOException {
        if (tickets.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            if (dead != null) {
                throw new IOException(dead.getMessage(), dead);
            }
            if (closing) {
                throw new IOException("The task journal " + file + " is closed");
            }
            // All at once: the writer takes every pending line into one batch.
            pending.addAll(tickets);
            work.signal();
            if (!tickets.getFirst().awaited) {
                return;
            }
            // Uninterruptibly: a caller that gives up early would not know whether its change is on disk.
            // Batches finish in order, so the last ticket done means all are.
            while (!tickets.getLast().done) {
                written.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        for (Ticket ticket : tickets) {
            if (ticket.failure != null) {
                throw new IOException("Could not write to " + file + ": " + ticket.failure.getMessage(), ticket.failure);
            }
        }
    }

    private void writeLoop() {
        List<Ticket> batch = List.of();
        try {
            while (true) {
                lock.lock();
                try {
                    while (pending.isEmpty() && !closing) {
                        work.awaitUninterruptibly();
                    }
                    if (pending.isEmpty()) {
                        return;
                    }
                    batch = pending;
                    pending = new ArrayList<>();
                } finally {
                    lock.unlock();
                }
                finish(batch, write(batch));
                batch = List.of();
            }
        } catch (RuntimeException | Error e) {
            // Nothing more can be written, but no caller may wait forever for a batch that will
            // not come: the one in hand (its lines may or may not be on disk) and all that wait fail.
            IOException cause = new IOException("the task journal stopped writing (" + e
                    + "); restart Ferry to continue from what was saved", e);
            lock.lock();
            try {
                dead = cause;
                closing = true;
                List<Ticket> unwritten = new ArrayList<>(batch);
                unwritten.addAll(pending);
                pending = new ArrayList<>();
                finish(unwritten, cause);
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    private void finish(List<Ticket> batch, IOException failure) {
        lock.lock();
        try {
            boolean unawaitedLost = false;
            for (Ticket ticket : batch) {
                ticket.failure = failure;
                ticket.done = true;
                unawaitedLost |= failure != null && !ticket.awaited;
            }
            written.signalAll();
            if (unawaitedLost) {
                System.getLogger(Journal.class.getName()).log(System.Logger.Level.WARNING,
                        "A change no caller waited for was not written to " + file
                                + "; the value before it stands until the next change", failure);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes and syncs one batch; returns why it failed, or null. */
    private IOException write(List<Ticket> batch) {
        if (broken != null) {
            return broken;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Ticket ticket : batch) {
            bytes.writeBytes(ticket.line);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
        try {
            long position = size;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
            size = position;
        } catch (IOException e) {
            undo(e);
            return e;
        }
        for (Ticket ticket : batch) {
            byte[] previous = ticket.isRemoval() ? live.remove(ticket.key) : live.put(ticket.key, ticket.line);
            liveBytes += (ticket.isRemoval() ? 0 : ticket.line.length) - (previous == null ? 0 : previous.length);
        }
        if (tooLong(size, liveBytes) && size >= retryCompactionAt) {
            compact();
        }
        return null;
    }

    /** Cuts a half-written batch off again, so later lines do not follow garbage. */
    private void undo(IOException failure) {
        try {
            channel.truncate(size);
            channel.force(false);
        } catch (IOException e) {
            failure.addSuppressed(e);
            broken = new IOException("an earlier write failed and could not be undone (" + failure.getMessage()
                    + "); restart Ferry to continue from what was saved", failure);
        }
    }

    /**
     * Rewrites the journal from its live lines. The batch that triggered it is already durable in
     * the old file, so a failure before the rename loses nothing: the journal just stays long.
     * After the rename the name holds the new file, complete too, and the lines appended next must
     * go there, durably: a failure from then on stops all writing rather than let a later line
     * land in the replaced file, or in a new one a crash could take back.
     */
    private void compact() {
        Path dir = file.toAbsolutePath().getParent();
        try {
            // For a name that already exists, AtomicFiles only throws before its rename.
            AtomicFiles.write(file, snapshot(live));
        } catch (IOException e) {
            retryCompactionAt = 2 * size;
            System.getLogger(Journal.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not compact " + file + "; trying again when it has doubled", e);
            return;
        }
        try {
            FileChannel fresh = FileChannel.open(file, StandardOpenOption.WRITE);
            FileChannel old = channel;
            channel = fresh;
            size = fresh.size();
            old.close();
            // AtomicFiles skips the directory sync for a replaced name, as an old complete file is
            // a safe fallback for it; here it is not, since the lines appended next go to the new file.
            AtomicFiles.fsyncDirectory(dir);
        } catch (IOException e) {
            broken = new IOException("the task journal was rewritten but could not be made durable (" + e.getMessage()
                    + "); restart Ferry to continue from what was saved", e);
        }
    }

    /** The file a compaction writes, built in one array of its exact size (it can be megabytes). */
    private static byte[] snapshot(SequencedMap<String, byte[]> live) {
        byte[] bytes = new byte[Math.toIntExact(MAGIC.length + liveBytes(live))];
        System.arraycopy(MAGIC, 0, bytes, 0, MAGIC.length);
        int at = MAGIC.length;
        for (byte[] line : live.values()) {
            System.arraycopy(line, 0, bytes, at, line.length);
            at += line.length;
        }
        return bytes;
    }

    private static void rewrite(Path file, SequencedMap<String, byte[]> live) throws IOException {
        AtomicFiles.write(file, snapshot(live));
        AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            closing = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        // Uninterruptibly: the writer must be done with the file before anyone else may open it.
        boolean interrupted = false;
        while (true) {
            try {
                writer.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }

    private static byte[] line(String key, byte[] value) {
        if (key.isEmpty() || key.indexOf(' ') >= 0 || key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Not a journal key: \"" + key + "\"");
        }
        for (byte b : value) {
            if (b == '\n') {
                throw new IllegalArgumentException("A journal value must be one line");
            }
        }
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[9 + keyBytes.length + 1 + value.length + 1];
        System.arraycopy(keyBytes, 0, line, 9, keyBytes.length);
        line[9 + keyBytes.length] = ' ';
        System.arraycopy(value, 0, line, 10 + keyBytes.length, value.length);
        line[line.length - 1] = '\n';
        byte[] crc = HEX.toHexDigits((int) crc(line, 9, line.length - 1)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(crc, 0, line, 0, 8);
        line[8] = ' ';
        return line;
    }

    private static SequencedMap<String, byte[]> valuesOf(SequencedMap<String, byte[]> lines) {
        SequencedMap<String, byte[]> values = new LinkedHashMap<>();
        lines.forEach((key, line) -> values.put(key, value(key, line)));
        return values;
    }

    private static byte[] value(String key, byte[] line) {
        int from = 9 + key.getBytes(StandardCharsets.UTF_8).length + 1;
        byte[] value = new byte[line.length - 1 - from];
        System.arraycopy(line, from, value, 0, value.length);
        return value;
    }

    private static long crc(byte[] bytes, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, to - from);
        return crc.getValue();
    }

    /**
     * @param journal whether the file starts as a journal does
     * @param goodEnd where the last good line ends: what follows is a torn tail (or damage, then
     *                reported in {@code problems})
     * @param size the length of the file, when it is a journal
     */
    private record Parsed(SequencedMap<String, byte[]> lines, List<String> problems, boolean journal, long goodEnd,
                          long size) {
    }

    /** Reads the file a buffer at a time: a long journal is never held whole in memory. */
    private static Parsed parse(Path file) throws IOException {
        SequencedMap<String, byte[]> lines = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        InputStream opened;
        try {
            opened = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return new Parsed(lines, problems, false, 0, 0);
        }
        try (InputStream in = opened) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                if (magic.length > 0) {
                    problems.add("The task journal " + file.getFileName() + " is not a Ferry journal");
                }
                return new Parsed(lines, problems, false, 0, magic.length);
            }
            // Lines that fail their check are damage when a good line follows them, or else the
            // torn end of a write that never returned to its caller.
            List<Integer> badLines = new ArrayList<>();
            int lineNumber = 1;
            long end = MAGIC.length;
            long goodEnd = end;
            ByteArrayOutputStream pieces = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    pieces.write(buffer, from, i + 1 - from);
                    from = i + 1;
                    byte[] line = pieces.toByteArray();
                    pieces.reset();
                    lineNumber++;
                    end += line.length;
                    String key = check(line);
                    if (key == null) {
                        badLines.add(lineNumber);
                        continue;
                    }
                    if (!badLines.isEmpty()) {
                        problems.add("The task journal " + file.getFileName() + " has damaged lines " + badLines
                                + "; the changes they held are lost");
                        badLines.clear();
                    }
                    if (line.length == 9 + key.getBytes(StandardCharsets.UTF_8).length + 2) {
                        lines.remove(key);
                    } else {
                        lines.put(key, line);
                    }
                    goodEnd = end;
                }
                pieces.write(buffer, from, n - from);
            }
            return new Parsed(lines, problems, true, goodEnd, end + pieces.size());
        }
    }

    /** The line's key when its checksum holds, else null. */
    private static String check(byte[] line) {
        if (line.length < 12 || line[8] != ' ') {
            return null;
        }
        int keyEnd = indexOf(line, (byte) ' ', 9);
        if (keyEnd <= 9) {
            return null;
        }
        try {
            long expected = HEX.fromHexDigits(new String(line, 0, 8, StandardCharsets.US_ASCII)) & 0xffffffffL;
            if (crc(line, 9, line.length - 1) != expected) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new String(line, 9, keyEnd - 9, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static final class Ticket {
        final String key;
        final byte[] line;
        /** Whether a caller waits for this line to be on disk. */
        final boolean awaited;
        boolean done;
        IOException failure;

        Ticket(String key, byte[] line, boolean awaited) {
            this.key = key;
            this.line = line;
            this.awaited = awaited;
        }

        boolean isRemoval() {
            return line.length == 9 + key.getBytes(StandardCharsets.UTF_8).length + 2;
        }
    }
}
