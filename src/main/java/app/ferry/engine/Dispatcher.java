package app.ferry.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Scheduling and nothing else, shaped like OkHttp's {@code Dispatcher}: the tasks ready to run,
 * the running ones, the global and per-host limits. {@link #promoteAndExecute()} picks what may
 * start under the lock and starts it after releasing it, each on a virtual thread of its own.
 * It never saves anything and never speaks HTTP: a started task is handed to {@code run}.
 */
final class Dispatcher {

    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final Object lock = new Object();
    /**
     * In queue order (their records' order keys; equal keys in the order they became ready); a
     * set, so that pausing one of ten thousand costs no scan.
     */
    private final SequencedSet<TaskRuntime> ready = new LinkedHashSet<>();
    private final List<TaskRuntime> running = new ArrayList<>();
    /**
     * Finished transfers whose outcome is being saved. They hold their slot until then: their
     * record still says RUNNING, and a snapshot must never show more running than the limit.
     */
    private final List<TaskRuntime> settling = new ArrayList<>();
    private boolean closed;

    private final Supplier<EngineConfig> config;
    private final Consumer<TaskRuntime> run;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    Dispatcher(Supplier<EngineConfig> config, Consumer<TaskRuntime> run) {
        this.config = config;
        this.run = run;
    }

    /**
     * Makes tasks ready, in order, unless one is already ready, running or settling, or no longer
     * says QUEUED (a pause that came between its saved QUEUED and this call wins).
     */
    void enqueue(Collection<TaskRuntime> runtimes) {
        synchronized (lock) {
            for (TaskRuntime runtime : runtimes) {
                if (runtime.record().state() == TaskState.QUEUED && !running.contains(runtime)
                        && !settling.contains(runtime)) {
                    ready.add(runtime);
                }
            }
            if (!inOrder()) {
                sortReady();
            }
        }
    }

    /** The queue was reordered: ready tasks start in the new order. */
    void reorder() {
        synchronized (lock) {
            sortReady();
        }
    }

    private boolean inOrder() {
        long previous = Long.MIN_VALUE;
        for (TaskRuntime runtime : ready) {
            long key = runtime.record().order();
            if (key < previous) {
                return false;
            }
            previous = key;
        }
        return true;
    }

    private void sortReady() {
        List<TaskRuntime> sorted = new ArrayList<>(ready);
        // Stable: tasks of earlier versions (all 0) keep the order they became ready in.
        sorted.sort(java.util.Comparator.comparingLong(r -> r.record().order()));
        ready.clear();
        ready.addAll(sorted);
    }

    /** Where each of some tasks is, taking the ready ones out of the ready set. */
    record Dequeued(List<TaskRuntime> running, List<TaskRuntime> settling, List<TaskRuntime> idle) {
    }

    Dequeued dequeue(Collection<TaskRuntime> runtimes) {
        List<TaskRuntime> busy = new ArrayList<>();
        List<TaskRuntime> saving = new ArrayList<>();
        List<TaskRuntime> idle = new ArrayList<>();
        synchronized (lock) {
            for (TaskRuntime runtime : runtimes) {
                if (running.contains(runtime)) {
                    busy.add(runtime);
                } else if (settling.contains(runtime)) {
                    saving.add(runtime);
                } else {
                    ready.remove(runtime);
                    idle.add(runtime);
                }
            }
        }
        return new Dequeued(busy, saving, idle);
    }

    /**
     * Of tasks to resume, returns those neither ready, running nor settling. A running one that
     * was asked to stop, or one whose outcome is being saved, is marked to go again once stopped
     * (the mark is set under the lock its settling ends under, so it is never missed).
     */
    List<TaskRuntime> idleForResume(Collection<TaskRuntime> runtimes) {
        List<TaskRuntime> idle = new ArrayList<>();
        synchronized (lock) {
            for (TaskRuntime runtime : runtimes) {
                if (ready.contains(runtime)) {
                    continue;
                }
                boolean isSettling = settling.contains(runtime);
                if (isSettling || running.contains(runtime)) {
                    // Paused a moment ago and still saving: continue as soon as it has stopped.
                    if (isSettling || runtime.stopRequested()) {
                        runtime.resumeWhenStopped();
                    }
                    continue;
                }
                idle.add(runtime);
            }
        }
        return idle;
    }

    /** Starts ready tasks while the limits allow. */
    void promoteAndExecute() {
        List<TaskRuntime> toStart = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            EngineConfig limits = config.get();
            Map<String, Integer> perHost = new HashMap<>();
            for (TaskRuntime r : running) {
                perHost.merge(r.hostKey(), 1, Integer::sum);
            }
            for (TaskRuntime r : settling) {
                perHost.merge(r.hostKey(), 1, Integer::sum);
            }
            for (var it = ready.iterator(); it.hasNext() && running.size() + settling.size() < limits.maxConcurrent(); ) {
                TaskRuntime candidate = it.next();
                String host = candidate.hostKey();
                if (perHost.getOrDefault(host, 0) >= limits.maxPerHost()) {
                    continue;
                }
                it.remove();
                perHost.merge(host, 1, Integer::sum);
                running.add(candidate);
                toStart.add(candidate);
            }
        }
        for (TaskRuntime runtime : toStart) {
            workers.execute(() -> run.accept(runtime));
        }
    }

    /**
     * The task's transfer has ended: out of the running list, but still settling, so that a resume
     * now waits for the outcome to be saved rather than start a second worker.
     */
    void finishing(TaskRuntime runtime) {
        synchronized (lock) {
            running.remove(runtime);
            settling.add(runtime);
        }
    }

    /** The task's outcome is saved: its slot is free. */
    void settled(TaskRuntime runtime) {
        synchronized (lock) {
            settling.remove(runtime);
        }
    }

    boolean isSettling(TaskRuntime runtime) {
        synchronized (lock) {
            return settling.contains(runtime);
        }
    }

    List<TaskRuntime> running() {
        synchronized (lock) {
            return List.copyOf(running);
        }
    }

    /** True when no task is ready, running or settling. */
    boolean isIdle() {
        synchronized (lock) {
            return ready.isEmpty() && running.isEmpty() && settling.isEmpty();
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Starts nothing more; returns the tasks running now, for the caller to stop. */
    List<TaskRuntime> close() {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            closed = true;
            return List.copyOf(running);
        }
    }

    /** Waits up to {@code timeout} for the running tasks' threads to end. */
    void awaitWorkers(Duration timeout) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Transfers did not stop within " + timeout
                        + "; their last saved state will be used next time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
