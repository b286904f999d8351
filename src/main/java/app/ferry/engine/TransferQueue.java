package app.ferry.engine;

import app.ferry.engine.store.StateDirectory;
import app.ferry.engine.store.TaskStore;
import app.ferry.engine.transfer.DeferredTlsContext;
import app.ferry.engine.transfer.RateLimiter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * Ferry's one engine: accepts tasks, runs at most {@code maxConcurrent} at once (and at most
 * {@code maxPerHost} against one server), and keeps every task's state on disk.
 *
 * <p>A façade, like OkHttp's {@code OkHttpClient}, over small parts that each do one thing: the
 * {@link Dispatcher} schedules (ready and running tasks, the limits), {@link TaskTransitions}
 * changes states (saved first, then shown, then told to listeners), {@link TaskCommands} applies add,
 * pause, resume, remove and move to many tasks at once, {@link TaskRunner} runs a task
 * on its virtual thread, {@link TaskRestore} decides what the last process's tasks become, the
 * {@link IdleWatchdog} drops stalled connections, {@link QueueClient} holds the client
 * {@link HttpClientFactory} builds (a new one when the proxy settings change) and
 * {@link TransferFactory} picks the transfer for a spec.
 *
 * <p>Thread safety: every public method may be called from any thread. Methods that change many
 * tasks save them with one sync, but they still wait for it: call them off the FX thread.
 * Listeners are called on engine threads.
 */
public final class TransferQueue implements AutoCloseable {

    private final StateDirectory stateDirectory;
    private final TaskStore store;
    private final QueueClient http;
    private final List<TransferListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Problem> restoreProblems;
    private final TaskTable tasks = new TaskTable();
    private final TaskSaver saver;
    private final TaskTransitions transitions;
    private final TaskCommands commands;
    private final Dispatcher dispatcher;
    private final TaskRunner runner;
    private final IdleWatchdog watchdog;
    private final RunServices services;

    private volatile EngineConfig config;
    private final RateLimiter downloadLimiter;
    private final RateLimiter uploadLimiter;

    private TransferQueue(StateDirectory stateDirectory, TaskStore store, EngineConfig config, List<Problem> restoreProblems,
                          SSLContext tls) {
        this.stateDirectory = stateDirectory;
        this.store = store;
        this.config = config;
        this.restoreProblems = List.copyOf(restoreProblems);
        this.downloadLimiter = RateLimiter.of(config.downloadLimit());
        this.uploadLimiter = RateLimiter.of(config.uploadLimit());
        this.http = new QueueClient(config, tls);
        TransferListener fanOut = new FanOutListener(listeners);
        this.saver = new TaskSaver(store, stateDirectory.root());
        this.services = new RunServices(http, this::config, fanOut, downloadLimiter, uploadLimiter, saver,
                new HostCapabilities());
        this.transitions = new TaskTransitions(saver, tasks, fanOut);
        this.dispatcher = new Dispatcher(this::config, this::run);
        this.runner = new TaskRunner(dispatcher, transitions, runtime -> resume(List.of(runtime.id())));
        this.watchdog = new IdleWatchdog(dispatcher::running, this::config);
        this.commands = new TaskCommands(tasks, dispatcher, transitions, services);
    }

    /** Runs a task the dispatcher started, on the thread it gave it. */
    private void run(TaskRuntime runtime) {
        runner.run(runtime);
    }

    /**
     * Opens (and locks) a state directory and restores its tasks. Tasks the last process left
     * running or queued start again when {@code config.autoResume()}, else they are paused.
     *
     * @throws app.ferry.engine.StateDirectoryInUseException when another process holds it
     */
    public static TransferQueue open(Path stateDir, EngineConfig config) throws IOException {
        // Java's CAs and the system's, loaded at the first https connection.
        return open(stateDir, config, new DeferredTlsContext(config.network()::tls));
    }

    /**
     * As {@link #open(Path, EngineConfig)}, with https connections made through {@code tls} (its
     * trust decides which servers are believed) instead of the JDK's default context.
     */
    public static TransferQueue open(Path stateDir, EngineConfig config, SSLContext tls) throws IOException {
        return open(StateDirectory.open(stateDir), config, tls);
    }

    /**
     * As {@link #open(Path, EngineConfig)}, on a directory whose lock was taken beforehand; the
     * queue takes the lock over, and gives it up when it fails to open.
     */
    public static TransferQueue open(StateLock lock, EngineConfig config) throws IOException {
        return open(lock.handOver(), config, new DeferredTlsContext(config.network()::tls));
    }

    private static TransferQueue open(StateDirectory directory, EngineConfig config, SSLContext tls) throws IOException {
        try {
            TaskStore store = TaskStore.owned(directory);
            try {
                TaskStore.Loaded loaded = store.loadAll();
                List<TaskRecord> restored = TaskRestore.restore(loaded.records(), config.autoResume(), store);
                TransferQueue queue = new TransferQueue(directory, store, config, loaded.problems(), tls);
                queue.start(restored);
                return queue;
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Starts with the restored tasks, {@code records} in queue order. */
    private void start(List<TaskRecord> records) {
        List<TaskRuntime> runtimes = new ArrayList<>(records.size());
        for (TaskRecord record : records) {
            runtimes.add(new TaskRuntime(services, record, null));
        }
        tasks.putAll(runtimes);
        dispatcher.enqueue(runtimes);
        dispatcher.promoteAndExecute();
    }

    /** Files in the state directory that could not be read; they were kept aside. In English. */
    public List<String> restoreProblems() {
        return restoreProblems.stream().map(Problem::english).toList();
    }

    /** {@link #restoreProblems()} as codes, for a front end that says them in its own language. */
    public List<Problem> restoreProblemCodes() {
        return restoreProblems;
    }

    public Path stateDirectory() {
        return stateDirectory.root();
    }

    public void addListener(TransferListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TransferListener listener) {
        listeners.remove(listener);
    }

    public EngineConfig config() {
        return config;
    }

    /**
     * Takes new limits at once: raising them starts waiting tasks, lowering them lets running ones
     * finish. New proxy settings apply to every request sent from now on (a running download's
     * next segment or retry included); a request already under way finishes where it is.
     */
    public void reconfigure(EngineConfig newConfig) {
        http.reconfigure(newConfig);
        config = newConfig;
        downloadLimiter.setRate(newConfig.downloadLimit());
        uploadLimiter.setRate(newConfig.uploadLimit());
        dispatcher.promoteAndExecute();
    }

    /** The client requests start on now: package-private, for the tests of a proxy change. */
    java.net.http.HttpClient currentClient() {
        return http.current();
    }

    /** Changes the global limits (bytes per second, 0 for none); running transfers follow at once. */
    public void setLimits(long downloadBytesPerSecond, long uploadBytesPerSecond) {
        reconfigure(config.withLimits(downloadBytesPerSecond, uploadBytesPerSecond));
    }

    /**
     * Limits one task (bytes per second shared by all its connections, 0 for none), inside the
     * global limits; takes effect at once, also while it runs. Kept in memory only, like credentials.
     */
    public void setTaskLimit(TaskId id, long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("A rate limit cannot be negative: " + bytesPerSecond);
        }
        Optional.ofNullable(tasks.get(id)).ifPresent(runtime -> runtime.setLimit(bytesPerSecond));
    }

    /** Adds a task and starts it when a slot is free. */
    public TaskId add(TransferSpec spec) {
        return add(spec, null);
    }

    /** Adds a task with credentials, which stay in memory only. */
    public TaskId add(TransferSpec spec, Credentials credentials) {
        return addAll(List.of(new Addition(spec, credentials))).getFirst();
    }

    /** A task to add: what to transfer, and credentials (kept in memory only) or null. */
    public record Addition(TransferSpec spec, Credentials credentials) {
        public Addition {
            Objects.requireNonNull(spec, "spec");
        }
    }

    /**
     * Adds tasks in order, saved with one sync (a thousand pasted URLs would otherwise wait for a
     * thousand syncs in a row, and the running tasks for the queue to fill), and starts them as
     * slots free up. Returns their ids in the same order.
     */
    public List<TaskId> addAll(List<Addition> additions) {
        return commands.add(additions);
    }

    public Optional<TaskSnapshot> snapshot(TaskId id) {
        return Optional.ofNullable(tasks.get(id)).map(TaskRuntime::snapshot);
    }

    /**
     * Moves tasks in the queue (the others keep their order): the dispatcher starts queued tasks in
     * this order, {@link #snapshots()} lists them in it, and it is saved (one sync), so it holds
     * after a restart. Running tasks keep running; unknown ids are skipped.
     */
    public void move(Collection<TaskId> ids, QueuePosition position) {
        Objects.requireNonNull(position, "position");
        commands.move(ids, position);
    }

    /**
     * Renames a download. Before it completes, {@code newName} is the name it will be saved under
     * (a file of that name already there gives {@code name (1).ext}, as usual); once complete, its
     * file is renamed on disk, never over an existing file: a taken name becomes {@code name (1).ext}.
     * Returns the name the task now has.
     *
     * @throws IllegalArgumentException when the name is not a usable file name, the task is an
     *     upload or unknown
     * @throws IOException when the finished file cannot be renamed (moved or deleted meanwhile)
     */
    public String rename(TaskId id, String newName) throws IOException {
        return TaskRename.rename(tasks.require(id, "to rename"), newName, saver);
    }

    /** Every task, in queue order (the order they were added, unless moved). */
    public List<TaskSnapshot> snapshots() {
        List<TaskRuntime> all = tasks.all();
        List<TaskSnapshot> result = new ArrayList<>(all.size());
        for (TaskRuntime runtime : all) {
            result.add(runtime.snapshot());
        }
        return result;
    }

    /** Pauses a queued or running task; a running one saves its state before it reports paused. */
    public void pause(TaskId id) {
        pause(List.of(id));
    }

    /**
     * Pauses queued and running tasks. The queued ones are saved as paused in one batch (one
     * sync however many there are); each running one saves its state before it reports paused.
     */
    public void pause(Collection<TaskId> ids) {
        commands.stop(ids, TaskRuntime.StopIntent.PAUSE, TaskState.PAUSED);
    }

    /** Stops a task for good, keeping whatever it downloaded: the user may still resume it. */
    public void cancel(TaskId id) {
        commands.stop(List.of(id), TaskRuntime.StopIntent.CANCEL, TaskState.CANCELLED);
    }

    /** Continues a paused, failed, cancelled or credential-waiting task from its saved state. */
    public void resume(TaskId id) {
        resume(List.of(id));
    }

    /**
     * Continues paused, failed, cancelled or credential-waiting tasks from their saved state; they
     * are saved as queued in one batch, then start as slots free up.
     */
    public void resume(Collection<TaskId> ids) {
        commands.resume(ids);
    }

    /**
     * Gives a download whose link expired (a signed URL that now answers 403 or 410) a new link,
     * keeping what it downloaded: the spec is replaced, saved, and the task resumes. The resume
     * sends {@code If-Range} with the saved validator and checks the overlap as any resume does,
     * so a new link that serves another version of the file restarts it from zero (its history
     * says why) and never splices two versions.
     *
     * @throws IllegalArgumentException when there is no such download, or the new spec names another folder
     * @throws IllegalStateException when the task is queued, running or completed: pause it first
     */
    public void refreshLink(TaskId id, DownloadSpec newSpec) {
        Objects.requireNonNull(newSpec, "newSpec");
        LinkRefresh.apply(tasks.require(id, "to refresh"), newSpec, saver);
        resume(id);
    }

    /**
     * Gives a paused, failed, cancelled or credential-waiting task other request options (headers,
     * cookies, Referer, User-Agent) in place of its saved ones, keeping what it transferred: the
     * caller then resumes it, which continues with {@code Range} and {@code If-Range} as any resume
     * does. The change is saved (the secrets in their owner-only file) and noted in the history by
     * header names only. Returns false when the task already had these options.
     *
     * @throws IllegalArgumentException when there is no such task
     * @throws IllegalStateException when the task is queued, running or completed: pause it first
     */
    public boolean replaceRequest(TaskId id, app.ferry.engine.request.RequestOptions options) {
        Objects.requireNonNull(options, "options");
        return RequestReplacement.apply(tasks.require(id, "to give request options"), options, saver);
    }

    /** Answers a 401 challenge: the task continues with these credentials (kept in memory only). */
    public void provideCredentials(TaskId id, Credentials credentials) {
        TaskRuntime runtime = tasks.get(id);
        if (runtime != null) {
            runtime.setCredentials(credentials);
            resume(id);
        }
    }

    /** Pauses every queued or running task; see {@link #pause(Collection)}. */
    public void pauseAll() {
        pause(snapshots().stream().filter(s -> s.state().isActive()).map(TaskSnapshot::id).toList());
    }

    /** Resumes every paused task; see {@link #resume(Collection)}. */
    public void resumeAll() {
        resume(snapshots().stream().filter(s -> s.state() == TaskState.PAUSED).map(TaskSnapshot::id).toList());
    }

    /**
     * Forgets a task. Its files stay unless {@code deleteFiles}: then the partial file, and the
     * finished file of a download, are deleted too — only ever on this explicit request.
     */
    public void remove(TaskId id, boolean deleteFiles) throws IOException {
        remove(List.of(id), deleteFiles);
    }

    /**
     * Forgets tasks, deleted from the journal in one batch (one sync however many there are); as
     * {@link #remove(TaskId, boolean)} for their files. A file that cannot be deleted does not stop
     * the others: the first failure is thrown once all were tried, the rest attached to it.
     */
    public void remove(Collection<TaskId> ids, boolean deleteFiles) throws IOException {
        remove(ids, deleteFiles ? RemovedFiles.ALL : RemovedFiles.KEEP);
    }

    /** As {@link #remove(Collection, boolean)}, deleting the files {@code files} names. */
    public void remove(Collection<TaskId> ids, RemovedFiles files) throws IOException {
        commands.remove(ids, files);
    }

    /** Journal syncs since the queue opened: how tests prove a bulk operation costs a handful. */
    long journalSyncs() {
        return store.syncs();
    }

    /** True when no task is queued or running. */
    public boolean isIdle() {
        return dispatcher.isIdle();
    }

    /**
     * Stops every running transfer (their state is saved as queued, so the next start continues
     * them), waits up to {@code timeout} for them to save, and releases the state directory.
     */
    public void close(Duration timeout) throws IOException {
        List<TaskRuntime> toStop = dispatcher.close();
        if (toStop == null) {
            return;
        }
        for (TaskRuntime runtime : toStop) {
            // A pause asked for just before (Ctrl+C in the CLI) stays a pause.
            if (runtime.stopIntent() == TaskRuntime.StopIntent.NONE) {
                runtime.requestStop(TaskRuntime.StopIntent.SHUTDOWN);
            }
        }
        try {
            dispatcher.awaitWorkers(timeout);
        } finally {
            watchdog.close();
            http.shutdownNow();
            try {
                store.close();
            } finally {
                stateDirectory.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        close(Duration.ofSeconds(10));
    }
}
