package app.ferry.engine;

import app.ferry.engine.store.TaskStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes task records to the store, one or many in a batch that costs one sync, and never for a
 * task already removed. A write holds the task's own store lock, so that a removal cannot delete
 * the task between the check and the write and have the write bring it back at the next start.
 * It looks nothing up and takes no queue-wide lock: a transfer's checkpoint goes straight here.
 */
final class TaskSaver {

    /** Batches lock their tasks in one order, so that two batches can never wait for each other. */
    private static final Comparator<TaskRuntime> LOCK_ORDER = Comparator.comparing(r -> r.id().value());

    private final TaskStore store;
    private final Path stateDir;

    TaskSaver(TaskStore store, Path stateDir) {
        this.store = store;
        this.stateDir = stateDir;
    }

    /**
     * Saves one record of a task, unless the task was removed (a late checkpoint is dropped).
     *
     * @param durable whether to wait for the disk; see {@link TaskStore#saveEventually}
     */
    void save(TaskRuntime runtime, TaskRecord record, boolean durable) {
        runtime.storeLock().lock();
        try {
            if (runtime.isRemoved()) {
                return;
            }
            if (durable) {
                store.save(record);
            } else {
                store.saveEventually(record);
            }
        } catch (IOException e) {
            throw failure("the state of task " + record.name(), e);
        } finally {
            runtime.storeLock().unlock();
        }
    }

    /** Saves records of tasks, {@code records.get(i)} for {@code runtimes.get(i)}, with one sync. */
    void saveAll(List<TaskRuntime> runtimes, List<TaskRecord> records) {
        List<TaskRuntime> locked = lockAll(runtimes);
        try {
            List<TaskRecord> toSave = new ArrayList<>(records.size());
            for (int i = 0; i < runtimes.size(); i++) {
                if (!runtimes.get(i).isRemoved()) {
                    toSave.add(records.get(i));
                }
            }
            store.saveAll(toSave);
        } catch (IOException e) {
            throw failure("the state of " + records.size() + " tasks", e);
        } finally {
            unlockAll(locked);
        }
    }

    /** Saves records of tasks the queue does not hold yet, with one sync. */
    void saveNew(List<TaskRecord> records) {
        try {
            store.saveAll(records);
        } catch (IOException e) {
            throw failure(records.size() == 1 ? "the new task " + records.getFirst().name()
                    : records.size() + " new tasks", e);
        }
    }

    /** Marks tasks removed and deletes their records with one sync; no write of theirs follows. */
    void deleteAll(List<TaskRuntime> runtimes) throws IOException {
        List<TaskRuntime> locked = lockAll(runtimes);
        try {
            for (TaskRuntime runtime : runtimes) {
                runtime.markRemoved();
            }
            store.deleteAll(runtimes.stream().map(TaskRuntime::id).toList());
        } finally {
            unlockAll(locked);
        }
    }

    private static List<TaskRuntime> lockAll(List<TaskRuntime> runtimes) {
        List<TaskRuntime> ordered = new ArrayList<>(runtimes);
        ordered.sort(LOCK_ORDER);
        List<TaskRuntime> locked = new ArrayList<>(ordered.size());
        try {
            for (TaskRuntime runtime : ordered) {
                runtime.storeLock().lock();
                locked.add(runtime);
            }
        } catch (RuntimeException | Error e) {
            unlockAll(locked);
            throw e;
        }
        return locked;
    }

    private static void unlockAll(List<TaskRuntime> locked) {
        for (TaskRuntime runtime : locked.reversed()) {
            runtime.storeLock().unlock();
        }
    }

    private UncheckedIOException failure(String what, IOException e) {
        return new UncheckedIOException("Could not save " + what + " in " + stateDir + ": " + e.getMessage(), e);
    }
}
