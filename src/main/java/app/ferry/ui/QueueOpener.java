package app.ferry.ui;

import app.ferry.engine.EngineConfig;
import app.ferry.engine.Problem;
import app.ferry.engine.StateDirectoryInUseException;
import app.ferry.engine.StateLock;
import app.ferry.engine.TransferQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Opens the GUI's queue. Unreadable task files are moved aside by the engine itself; a state
 * directory that cannot be opened at all is moved aside whole and a fresh one is used, so the
 * app always starts. Only another running Ferry (the directory is locked) stops it.
 */
final class QueueOpener {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private QueueOpener() {
    }

    /**
     * The queue and the problems the user must hear of (already phrased, file names included); when
     * the saved queue could not be opened at all, where it was moved aside and why ({@code broken}),
     * for the window to say in its language.
     */
    record Opened(TransferQueue queue, List<Problem> problems, Path backup, Throwable broken) {
    }

    /**
     * Opens the queue in {@code stateDir}, whose {@code lock} was taken beforehand (or null: it is
     * taken here). The queue takes the lock over; it is given up when the saved queue must be moved aside.
     */
    static Opened open(Path stateDir, StateLock lock, EngineConfig config) throws StateDirectoryInUseException, IOException {
        try {
            TransferQueue queue = lock == null ? TransferQueue.open(stateDir, config) : TransferQueue.open(lock, config);
            return new Opened(queue, queue.restoreProblemCodes(), null, null);
        } catch (StateDirectoryInUseException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            Path backup = stateDir.resolveSibling(stateDir.getFileName() + ".broken-" + LocalDateTime.now().format(STAMP));
            Files.move(stateDir, backup);
            TransferQueue queue = TransferQueue.open(stateDir, config);
            return new Opened(queue, queue.restoreProblemCodes(), backup, e);
        }
    }
}
