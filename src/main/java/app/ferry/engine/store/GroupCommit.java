package app.ferry.engine.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The journal's writer thread and the callers waiting for it. Callers hand over their lines and
 * wait; the thread takes every line that arrived while the last sync ran as one batch, writes and
 * syncs it, and wakes them. A thousand tasks finishing together share a handful of syncs. It is a
 * thread of its own because an interrupt would close a shared {@code FileChannel} under every
 * other task.
 */
final class GroupCommit {

    private final Path file;
    private final JournalFile out;
    private final Thread writer;

    // Guarded by the lock.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition written = lock.newCondition();
    private List<JournalTicket> pending = new ArrayList<>();
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
                finish(batch, out.write(batch));
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
                finish(unwritten, cause);
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    private void finish(List<JournalTicket> batch, IOException failure) {
        lock.lock();
        try {
            boolean unawaitedLost = false;
            for (JournalTicket ticket : batch) {
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
