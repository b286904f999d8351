package app.ferry.engine;

import app.ferry.engine.store.StateDirectory;
import app.ferry.engine.store.TaskStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The tasks a state directory holds, read without locking it (so {@code ferry list} works while
 * another Ferry runs on it). A façade over the store, so a front end never reaches into
 * {@code engine.store}.
 *
 * @param records the tasks, in the order they were added
 * @param problems what could not be read, one sentence each for the user
 * @param heldByALiveProcess whether a running process holds the directory: a task saved as running
 *                           is then running, otherwise it was interrupted (killed, crashed, power cut)
 */
public record SavedTasks(List<TaskRecord> records, List<String> problems, boolean heldByALiveProcess) {

    public SavedTasks {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    /** Reads {@code stateDir} without writing to it or taking its lock. */
    public static SavedTasks read(Path stateDir) throws IOException {
        TaskStore.Loaded loaded = TaskStore.readOnly(stateDir);
        return new SavedTasks(loaded.records(), loaded.problems().stream().map(Problem::english).toList(), StateDirectory.heldByALiveProcess(stateDir));
    }
}
