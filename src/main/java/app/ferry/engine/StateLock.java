package app.ferry.engine;

import app.ferry.engine.store.StateDirectory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A state directory's lock, taken before its queue is opened: a front end that must promise
 * something on the queue's behalf before it can open it (the window answering hand-offs while it
 * asks for the proxy password) first learns here whether the directory is its own. Cheap: it
 * creates the directory and locks one file, it reads no task.
 *
 * <p>{@link TransferQueue#open(StateLock, EngineConfig)} takes it over (and gives it up if it
 * fails); until then {@link #close} gives it up.
 */
public final class StateLock implements AutoCloseable {

    private StateDirectory directory;

    private StateLock(StateDirectory directory) {
        this.directory = directory;
    }

    /**
     * Locks {@code stateDir}.
     *
     * @throws StateDirectoryInUseException when another process (or queue) holds it
     */
    public static StateLock take(Path stateDir) throws IOException {
        return new StateLock(StateDirectory.open(stateDir));
    }

    /** The directory, handed over once: the queue owns it from then on. */
    synchronized StateDirectory handOver() {
        if (directory == null) {
            throw new IllegalStateException("This state lock was already handed to a queue or closed");
        }
        StateDirectory held = directory;
        directory = null;
        return held;
    }

    /** Gives the lock up, unless a queue took it over. */
    @Override
    public synchronized void close() throws IOException {
        if (directory != null) {
            StateDirectory held = directory;
            directory = null;
            held.close();
        }
    }
}
