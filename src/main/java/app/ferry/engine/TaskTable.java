package app.ferry.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every task the queue knows, by id, in queue order (the order they were added, unless moved). Its own small lock: looking a
 * task up never waits for the dispatcher, and the dispatcher never waits for a lookup.
 */
final class TaskTable {

    private final Map<TaskId, TaskRuntime> tasks = new LinkedHashMap<>();
    /** The order key the next added task gets: after every key seen. */
    private long nextOrder = QueueOrder.GAP;

    synchronized void putAll(Collection<TaskRuntime> runtimes) {
        for (TaskRuntime runtime : runtimes) {
            tasks.put(runtime.id(), runtime);
            nextOrder = Math.max(nextOrder, runtime.record().order() + QueueOrder.GAP);
        }
    }

    /** Order keys for {@code count} new tasks, after every task's: the first of them, each {@link QueueOrder#GAP} apart. */
    synchronized long allocateOrder(int count) {
        long first = nextOrder;
        nextOrder += count * QueueOrder.GAP;
        return first;
    }

    /**
     * Moves tasks and returns the changed keys. Under this table's lock, so two moves never
     * interleave; the records are updated by the caller.
     */
    synchronized QueueOrder.Moved move(Collection<TaskId> ids, QueuePosition position) {
        QueueOrder.Moved moved = QueueOrder.move(List.copyOf(tasks.values()), ids, position);
        tasks.clear();
        for (TaskRuntime runtime : moved.order()) {
            tasks.put(runtime.id(), runtime);
        }
        for (long key : moved.keys().values()) {
            nextOrder = Math.max(nextOrder, key + QueueOrder.GAP);
        }
        return moved;
    }

    synchronized TaskRuntime get(TaskId id) {
        return tasks.get(id);
    }

    /** The task, or an {@link IllegalArgumentException} saying there is none {@code purpose} ("to rename"). */
    synchronized TaskRuntime require(TaskId id, String purpose) {
        TaskRuntime runtime = tasks.get(id);
        if (runtime == null) {
            throw new IllegalArgumentException("No task " + id + " " + purpose);
        }
        return runtime;
    }

    synchronized boolean contains(TaskId id) {
        return tasks.containsKey(id);
    }

    /** The tasks known among {@code ids}, in the order of {@code ids}, each once. */
    synchronized List<TaskRuntime> getAll(Collection<TaskId> ids) {
        List<TaskRuntime> found = new ArrayList<>(ids.size());
        for (TaskId id : distinct(ids)) {
            TaskRuntime runtime = tasks.get(id);
            if (runtime != null) {
                found.add(runtime);
            }
        }
        return found;
    }

    /** Forgets the tasks among {@code ids} and returns those it knew. */
    synchronized List<TaskRuntime> removeAll(Collection<TaskId> ids) {
        List<TaskRuntime> removed = new ArrayList<>(ids.size());
        for (TaskId id : distinct(ids)) {
            TaskRuntime runtime = tasks.remove(id);
            if (runtime != null) {
                removed.add(runtime);
            }
        }
        return removed;
    }

    synchronized List<TaskRuntime> all() {
        return List.copyOf(tasks.values());
    }

    private static Collection<TaskId> distinct(Collection<TaskId> ids) {
        return ids.size() <= 1 ? ids : new java.util.LinkedHashSet<>(ids);
    }
}
