package app.ferry.engine.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The journal's writer thread and the callers waiting for it. Callers hand over their lines and
 * wait; the thread takes every line that arrived while the last sync ran as one batch, writes and
 * syncs it, and wakes them. A thousand tasks finishing together share a handful of syncs, and
 * the folder syncs their lines need first ({@link DirectorySyncs}), one per folder and batch. It is a
 * thread of its own because an interrupt would close a shared {@code FileChannel} under every
 * other task.
 */
final class GroupCommit {

    /** How long a line no caller waits for may wait for company before it is written alone. */
    static final long UNAWAITED_DELAY_NANOS = 200_000_000L;

    private final Path file;
    private final JournalFile out;
    private final Thread writer;

    // Guarded by the lock.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition written = lock.newCondition();
    private List<JournalTicket> pending = new ArrayList<>();
    /** Whether a caller waits for a pending line; lines no one waits for do not start a sync. */
    private boolean awaitedPending;
    private boolean closing;
    /** Why the writer thread ended abnormally (a bug, an OutOfMemoryError); then nothing is written. */
    private IOException dead;

    GroupCommit(Path file, JournalFile out) {
        this.file = file;
        this.out = out;
        this.writer = Thread.ofPlatform().name("ferry-journal").daemon().start(this::writeLoop);
    }

    /** Queues the lines and, when the first is awaited, returns once all are on disk. */
    void append(List<JournalTicket> tickets) throws IOException {
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
            // Always signalled: the writer starts the clock of a line no one waits for, too.
            awaitedPending |= tickets.getFirst().awaited;
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
        for (JournalTicket ticket : tickets) {
            if (ticket.failure != null) {
                throw new IOException("Could not write to " + file + ": " + ticket.failure.getMessage(), ticket.failure);
            }
        }
    }

    private void writeLoop() {
        List<JournalTicket> batch = List.of();
        try {
            while (true) {
                lock.lock();
                try {
                    awaitWork();
                    if (pending.isEmpty()) {
                        return;
                    }
                    batch = pending;
                    pending = new ArrayList<>();
                    awaitedPending = false;
                } finally {
                    lock.unlock();
                }
                // Folders first: a line naming a file must not reach the disk before the name did.
                Map<JournalTicket, IOException> refused = DirectorySyncs.before(batch, out::countSync);
                List<JournalTicket> writable = refused.isEmpty() ? batch
                        : batch.stream().filter(t -> !refused.containsKey(t)).toList();
                finish(batch, writable.isEmpty() ? null : out.write(writable), refused);
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
                List<JournalTicket> unwritten = new ArrayList<>(batch);
                unwritten.addAll(pending);
                pending = new ArrayList<>();
                finish(unwritten, cause, Map.of());
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    /** Marks a batch done, all at once: callers wait for their last line and then read every one's failure. */
    /**
     * Waits (holding the lock) until a line someone waits for is pending, or the journal closes.
     * Lines no one waits for (a task's start, {@link Journal#putEventually}) ride with the next
     * such sync, or go out on their own after {@link #UNAWAITED_DELAY_NANOS}: a thousand small
     * downloads each starting with a sync of their own doubled the journal's syncs, and a task
     * finishing behind one waited for both.
     */
    private void awaitWork() {
        long deadline = 0;
        while (!awaitedPending && !closing) {
            if (pending.isEmpty()) {
                work.awaitUninterruptibly();
                deadline = 0;
                continue;
            }
            long now = System.nanoTime();
            if (deadline == 0) {
                deadline = now + UNAWAITED_DELAY_NANOS;
            } else if (now - deadline >= 0) {
                return;
            }
            try {
                work.awaitNanos(deadline - now);
            } catch (InterruptedException e) {
                // No one owns this thread to interrupt it; if someone did, the pending lines must
                // still be written, so the wait just ends early.
                return;
            }
        }
    }

    private void finish(List<JournalTicket> batch, IOException failure, Map<JournalTicket, IOException> refused) {
        lock.lock();
        try {
            boolean unawaitedLost = false;
            for (JournalTicket ticket : batch) {
                ticket.failure = refused.getOrDefault(ticket, failure);
                ticket.done = true;
                unawaitedLost |= ticket.failure != null && !ticket.awaited;
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

    /** Writes what is pending, then ends the writer thread; the file is the caller's again after. */
    void close() {
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
    }
}
