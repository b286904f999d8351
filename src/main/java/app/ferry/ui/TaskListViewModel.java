package app.ferry.ui;

import app.ferry.engine.Direction;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferListener;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.text.Units;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The task list: one {@link TaskModel} row per engine task, the status-bar summary and the
 * notices of finished, failed and credential-waiting tasks.
 *
 * <p>Threads: every public method runs on the FX thread. Only the nested engine listener runs on
 * engine threads, and it only sets a dirty flag and queues a notice, so the FX thread does at most
 * one update pass per {@link ProgressSampler} tick however many transfers run and however many
 * bytes arrive. Progress is pulled: {@link #sample()} copies the engine's snapshots into the rows.
 */
public final class TaskListViewModel {

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final TransferQueue queue;
    private final QueueWrites writes;
    private final Messages messages;
    private final I18n i18n;
    private final BooleanSupplier notificationsOn;
    private Notifier notifier = Notifier.NONE;
    private Runnable afterFullPass = () -> { };
    private Runnable afterAnyPass = () -> { };
    private java.util.function.BiConsumer<TaskModel, String> credentialsWanted = (model, realm) -> { };

    private final ObservableList<TaskModel> tasks = FXCollections.observableArrayList();
    private final Map<TaskId, TaskModel> byId = new HashMap<>();
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");

    /** Set by engine threads (and by {@link QueueWrites} when a command finished), cleared by the next sample. */
    private final AtomicBoolean dirty;
    private final Queue<Notice> notices = new ConcurrentLinkedQueue<>();
    private final TransferListener listener = new EngineEvents();
    private boolean anyActive;
    /** The rows running as of the last full pass: the only ones a tick without events looks at. */
    private List<TaskModel> running = List.of();
    private int waitingCount;
    private int finishedCount;
    private int pausedCount;
    private long downTotal;
    private long upTotal;
    private long updatePasses;
    private long updateNanos;
    private long longestPassNanos;
    private long longestPassCpuNanos;
    private List<Object> lastStatus = List.of();

    private record Notice(TaskId id, TaskState state, String realm) {

        Notice(TaskId id, TaskState state) {
            this(id, state, null);
        }
    }

    /** @param dirty set by whoever changes tasks in the background ({@code writes}), cleared by {@link #sample()} */
    TaskListViewModel(TransferQueue queue, QueueWrites writes, AtomicBoolean dirty, Messages messages, I18n i18n,
            BooleanSupplier notificationsOn) {
        this.queue = queue;
        this.writes = writes;
        this.dirty = dirty;
        this.messages = messages;
        this.i18n = i18n;
        this.notificationsOn = notificationsOn;
        queue.addListener(listener);
    }

    /**
     * FX thread: {@code afterFullPass} runs after a pass that looked at every row (the selection's
     * commands and the groups' counts follow the states), {@code afterAnyPass} after every pass
     * (the speed graph).
     */
    void setAfterPass(Runnable afterFullPass, Runnable afterAnyPass) {
        this.afterFullPass = afterFullPass;
        this.afterAnyPass = afterAnyPass;
    }

    /** FX thread: who asks the user for a password when a task meets a 401 (the window's prompt). */
    public void setCredentialsPrompt(java.util.function.BiConsumer<TaskModel, String> prompt) {
        this.credentialsWanted = prompt == null ? (model, realm) -> { } : prompt;
    }

    /** FX thread. */
    public void setNotifier(Notifier notifier) {
        this.notifier = notifier == null ? Notifier.NONE : notifier;
    }

    /**
     * FX thread, once per sampler tick: copies the snapshots into the rows when something may have
     * changed. After an engine event or a finished background command every row is looked at; on
     * a tick with neither, only the running rows, whose bytes and speeds move: a queued or paused
     * task changes only through an event, and ten thousand waiting rows must not be walked ten
     * times a second because one of them runs. Returns whether it did a pass.
     */
    public boolean sample() {
        if (dirty.getAndSet(false)) {
            refresh();
            return true;
        }
        if (!running.isEmpty()) {
            refreshRunning();
            return true;
        }
        return false;
    }

    /**
     * FX thread: the pass of a tick without events: the running rows' counters, the speeds and the
     * status line. A row whose name or state changed in between (named by the server, settled
     * without its event seen yet) makes the next tick a full pass, which recounts the groups.
     */
    private void refreshRunning() {
        long start = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        updatePasses++;
        long down = 0;
        long up = 0;
        for (TaskModel model : running) {
            TaskSnapshot snapshot = queue.snapshot(model.id()).orElse(null);
            if (snapshot == null) {
                dirty.set(true); // Removed: the full pass takes its row away.
                continue;
            }
            String name = model.name();
            TaskState state = model.state();
            model.update(snapshot);
            if (!name.equals(model.name()) || state != model.state()) {
                dirty.set(true);
            }
            if (snapshot.direction() == Direction.DOWNLOAD) {
                down += snapshot.bytesPerSecond();
            } else {
                up += snapshot.bytesPerSecond();
            }
        }
        downTotal = down;
        upTotal = up;
        showStatus(running.size(), waitingCount, finishedCount);
        afterAnyPass.run();
        passDone(start, startCpu);
    }

    /** FX thread: one update pass: snapshots to rows, rows added and removed, counts, commands, notices. */
    public void refresh() {
        long start = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        updatePasses++;
        // Finished background commands first: their tasks are then in the queue, so the snapshots
        // below show their rows in the same pass as their "started" message, never a frame later.
        writes.drain();
        List<TaskSnapshot> snapshots = queue.snapshots();
        List<TaskModel> added = new ArrayList<>();
        List<TaskModel> nowRunning = new ArrayList<>();
        int waiting = 0;
        int finished = 0;
        int paused = 0;
        long down = 0;
        long up = 0;
        for (TaskSnapshot snapshot : snapshots) {
            TaskModel model = byId.get(snapshot.id());
            if (model == null) {
                model = new TaskModel(snapshot);
                byId.put(snapshot.id(), model);
                added.add(model);
            } else {
                model.update(snapshot);
            }
            switch (snapshot.state()) {
                case RUNNING -> {
                    nowRunning.add(model);
                    if (snapshot.direction() == Direction.DOWNLOAD) {
                        down += snapshot.bytesPerSecond();
                    } else {
                        up += snapshot.bytesPerSecond();
                    }
                }
                case QUEUED -> waiting++;
                case COMPLETED -> finished++;
                case PAUSED -> paused++;
                default -> {
                }
            }
        }
        if (snapshots.size() != byId.size()) {
            // Tasks were removed: rare, so only then is the set of present ids built.
            Set<TaskId> present = new HashSet<>(snapshots.size() * 2);
            snapshots.forEach(s -> present.add(s.id()));
            List<TaskModel> gone = byId.values().stream().filter(m -> !present.contains(m.id())).toList();
            gone.forEach(m -> byId.remove(m.id()));
            tasks.removeAll(gone);
        }
        if (!added.isEmpty()) {
            tasks.addAll(added);
        }
        if (!inQueueOrder()) {
            // Moved in the queue: one permutation, which keeps the table's selection.
            FXCollections.sort(tasks, java.util.Comparator.comparingLong(m -> m.record().order()));
        }
        anyActive = !nowRunning.isEmpty() || waiting > 0;
        running = nowRunning;
        waitingCount = waiting;
        finishedCount = finished;
        pausedCount = paused;
        downTotal = down;
        upTotal = up;
        showStatus(running.size(), waiting, finished);
        afterFullPass.run();
        afterAnyPass.run();
        messages.retireStale(id -> {
            TaskModel model = byId.get(id);
            return model == null ? null : model.state();
        });
        if (writes.idle()) {
            // Held while a batch is being added, so its "started" message comes before what its
            // first tasks report (a 401 asking for a password) instead of replacing it.
            drainNotices();
        }
        passDone(start, startCpu);
    }

    private void showStatus(int runningTasks, int waiting, int finished) {
        List<Object> status = List.of(runningTasks, waiting, finished, Units.speed(downTotal), Units.speed(upTotal));
        if (!status.equals(lastStatus)) {
            lastStatus = status;
            statusText.set(i18n.get("status.summary", status.toArray()));
        }
    }

    private void passDone(long startNanos, long startCpuNanos) {
        long took = System.nanoTime() - startNanos;
        updateNanos += took;
        longestPassNanos = Math.max(longestPassNanos, took);
        longestPassCpuNanos = Math.max(longestPassCpuNanos, THREADS.getCurrentThreadCpuTime() - startCpuNanos);
    }

    private void drainNotices() {
        Notice notice;
        while ((notice = notices.poll()) != null) {
            TaskModel model = byId.get(notice.id());
            if (model == null) {
                continue;
            }
            switch (notice.state()) {
                case COMPLETED -> {
                    if (notificationsOn.getAsBoolean()) {
                        notifier.finished(model.name());
                    }
                }
                case FAILED -> {
                    if (notificationsOn.getAsBoolean()) {
                        notifier.failed(model.name(), PlainText.failureOf(model.record(), new ProblemText(i18n)));
                    }
                }
                case NEEDS_CREDENTIALS -> {
                    if (model.state() == TaskState.NEEDS_CREDENTIALS) {
                        messages.show(UserMessage.aboutTask(UserMessage.Kind.WARNING,
                                i18n.get("msg.needsCredentials", model.name()), model.id(), TaskState.NEEDS_CREDENTIALS));
                        credentialsWanted.accept(model, notice.realm());
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Whether the rows follow the queue's order keys (records of earlier versions all say 0: in order). */
    private boolean inQueueOrder() {
        long previous = Long.MIN_VALUE;
        for (TaskModel model : tasks) {
            long key = model.record().order();
            if (key < previous) {
                return false;
            }
            previous = key;
        }
        return true;
    }

    /** FX thread: the total download speed of the last pass, bytes per second. */
    public long downloadSpeed() {
        return downTotal;
    }

    /** FX thread: the total upload speed of the last pass, bytes per second. */
    public long uploadSpeed() {
        return upTotal;
    }

    /** Engine threads: flag and queue, nothing else. */
    private final class EngineEvents implements TransferListener {
        @Override
        public void stateChanged(TaskSnapshot snapshot) {
            dirty.set(true);
        }

        @Override
        public void resumed(TaskId id, long offset) {
            dirty.set(true);
        }

        @Override
        public void completed(TaskSnapshot snapshot) {
            notices.add(new Notice(snapshot.id(), TaskState.COMPLETED));
            dirty.set(true);
        }

        @Override
        public void failed(TaskSnapshot snapshot) {
            notices.add(new Notice(snapshot.id(), TaskState.FAILED));
            dirty.set(true);
        }

        @Override
        public void needsCredentials(TaskId id, String realm) {
            notices.add(new Notice(id, TaskState.NEEDS_CREDENTIALS, realm));
            dirty.set(true);
        }
    }

    /** Any thread: stops hearing the engine (the window is closing). */
    void detach() {
        queue.removeListener(listener);
    }

    /** FX thread: whether a task is queued or running as of the last pass. */
    boolean anyActive() {
        return anyActive;
    }

    /** FX thread: whether a task is paused as of the last pass (counted in the pass, not searched for). */
    boolean anyPaused() {
        return pausedCount > 0;
    }

    /** FX thread: the tasks running as of the last pass. */
    int runningCount() {
        return running.size();
    }

    /** FX thread: update passes done so far: the FX-thread work the engine causes, bounded by the sampler's rate. */
    public long updatePasses() {
        return updatePasses;
    }

    /** FX thread: wall time spent inside update passes so far: what the sampler costs the FX thread (the bench reads it). */
    public long updateNanos() {
        return updateNanos;
    }

    /**
     * FX thread: the longest update pass since the last call: the FX thread's own share of a stall
     * (a bench or test measures a window of time with two calls). The wall time includes the
     * machine's pauses (another process on the core, the collector); the CPU time is the pass's
     * own work.
     */
    public PassCost takeLongestPass() {
        PassCost longest = new PassCost(longestPassNanos, longestPassCpuNanos);
        longestPassNanos = 0;
        longestPassCpuNanos = 0;
        return longest;
    }

    /** The longest update pass of a stretch of time, in nanoseconds of wall-clock and of the FX thread's CPU. */
    public record PassCost(long wallNanos, long cpuNanos) {
    }

    /** The rows, in queue order (the order the tasks were added, unless moved); FX thread. */
    public ObservableList<TaskModel> tasks() {
        return FXCollections.unmodifiableObservableList(tasks);
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }
}
