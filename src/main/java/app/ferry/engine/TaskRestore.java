package app.ferry.engine;

import app.ferry.engine.store.TaskStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the tasks of the last process become at start: those it left running or queued start
 * again when {@code autoResume}, else they are paused; the changed ones are saved in one batch.
 */
final class TaskRestore {

    private TaskRestore() {
    }

    /**
     * The records to start with, in queue order (a stable sort, so the records of earlier versions,
     * all 0, keep the journal's order); the changed ones are durable when this returns.
     */
    static List<TaskRecord> restore(List<TaskRecord> records, boolean autoResume, TaskStore store) throws IOException {
        List<TaskRecord> changed = new ArrayList<>();
        List<TaskRecord> all = new ArrayList<>(records.size());
        for (TaskRecord record : records) {
            TaskRecord restored = record;
            if (record.state() == TaskState.RUNNING || record.state() == TaskState.QUEUED) {
                TaskState next = autoResume ? TaskState.QUEUED : TaskState.PAUSED;
                restored = record.withStateKeepingMessage(next, System.currentTimeMillis());
                changed.add(restored);
            }
            all.add(restored);
        }
        store.saveAll(changed);
        all.sort(Comparator.comparingLong(TaskRecord::order));
        return all;
    }
}
