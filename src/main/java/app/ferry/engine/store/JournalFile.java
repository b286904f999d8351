package app.ferry.engine.store;

import app.ferry.engine.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SequencedMap;

/**
 * The open journal file, the writer thread's alone: appends a batch of lines and fdatasyncs it,
 * keeps the live lines, and compacts when the file has grown too long (see {@link JournalCompaction}).
 */
final class JournalFile implements AutoCloseable {

    private final Path file;
    private FileChannel channel;
    /** The live lines, in first-written order: what a compaction writes. */
    private final SequencedMap<String, byte[]> live;
    private long size;
    private long liveBytes;
    /** Set when a failed write could not be undone: the file's tail is unknown, so stop writing. */
    private IOException broken;
    /** After a compaction failed, the size at which to try again, rather than after every batch. */
    private long retryCompactionAt;
    /** Syncs of the file and its directory, for tests and measurements; written by the writer only. */
    private volatile long syncs;

    JournalFile(Path file, FileChannel channel, SequencedMap<String, byte[]> live) throws IOException {
        this.file = file;
        this.channel = channel;
        this.live = live;
        this.size = channel.size();
        this.liveBytes = JournalCompaction.liveBytes(live);
    }

    long syncs() {
        return syncs;
    }

    /** Counts a sync the writer made for the batch's sake (a folder's, see {@link DirectorySyncs}). */
    void countSync() {
        syncs++;
    }

    /** Writes and syncs one batch; returns why it failed, or null. */
    IOException write(List<JournalTicket> batch) {
        if (broken != null) {
            return broken;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (JournalTicket ticket : batch) {
            bytes.writeBytes(ticket.line);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
        try {
            long position = size;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
            syncs++;
            size = position;
        } catch (IOException e) {
            undo(e);
            return e;
        }
        for (JournalTicket ticket : batch) {
            byte[] previous = ticket.isRemoval() ? live.remove(ticket.key) : live.put(ticket.key, ticket.line);
            liveBytes += (ticket.isRemoval() ? 0 : ticket.line.length) - (previous == null ? 0 : previous.length);
        }
        if (JournalCompaction.tooLong(size, liveBytes) && size >= retryCompactionAt) {
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
            JournalCompaction.replace(file, live);
            syncs++;
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
            syncs++;
        } catch (IOException e) {
            broken = new IOException("the task journal was rewritten but could not be made durable (" + e.getMessage()
                    + "); restart Ferry to continue from what was saved", e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
