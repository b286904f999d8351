package app.ferry.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every task the queue knows, by id, in the order they were added. Its own small lock: looking a
 * task up never waits for the dispatcher, and the dispatcher never waits for a lookup.
 */
final class TaskTable {

    private final Map<TaskId, TaskRuntime> tasks = new LinkedHashMap<>();

    synchronized void putAll(Collection<TaskRuntime> runtimes) {
        for (TaskRuntime runtime : runtimes) {
            tasks.put(runtime.id(), runtime);
        }
    }

    synchronized TaskRuntime get(TaskId id) {
        return tasks.get(id);
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
