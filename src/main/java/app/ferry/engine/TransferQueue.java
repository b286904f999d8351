package app.ferry.engine;

import app.ferry.engine.download.DownloadTransfer;
import app.ferry.engine.store.StateDirectory;
import app.ferry.engine.store.TaskStore;
import app.ferry.engine.transfer.DeferredTlsContext;
import app.ferry.engine.transfer.Outcome;
import app.ferry.engine.transfer.RateLimiter;
import app.ferry.engine.transfer.Retrier;
import app.ferry.engine.transfer.Transfer;
import app.ferry.engine.upload.BodyUploadTransfer;
import app.ferry.engine.upload.TusUploadTransfer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Ferry's one engine: accepts tasks, runs at most {@code maxConcurrent} at once (and at most
 * {@code maxPerHost} against one server), and keeps every task's state on disk.
 *
 * <p>Shaped like OkHttp's {@code Dispatcher}: a queue of ready tasks and a set of running ones,
 * both guarded by one lock; {@link #promoteAndExecute()} picks what may start under the lock and
 * starts it after releasing it. Each running task has its own virtual thread doing blocking I/O.
 *
 * <p>Thread safety: every public method may be called from any thread. Listeners are called on
 * engine threads.
 */
public final class TransferQueue implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TransferQueue.class.getName());

    private final StateDirectory stateDirectory;
    private final TaskStore store;
    private final HttpClient http;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService watchdog;
    private final List<TransferListener> listeners = new CopyOnWriteArrayList<>();
    private final TransferListener fanOut = new FanOutListener(listeners);
    private final List<String> restoreProblems;

    private final Object lock = new Object();
    /** All tasks, in the order they were added. Guarded by {@link #lock}. */
    private final Map<TaskId, TaskRuntime> tasks = new LinkedHashMap<>();
    private final Deque<TaskRuntime> ready = new ArrayDeque<>();
    private final List<TaskRuntime> running = new ArrayList<>();
    /**
     * Finished transfers whose outcome is being saved. They hold their slot until then: their
     * record still says RUNNING, and a snapshot must never show more running than the limit.
     */
    private final List<TaskRuntime> settling = new ArrayList<>();
    private boolean closed;

    private volatile EngineConfig config;
    private final RateLimiter downloadLimiter;
    private final RateLimiter uploadLimiter;

    private TransferQueue(StateDirectory stateDirectory, TaskStore store, EngineConfig config, List<String> restoreProblems,
                          SSLContext tls) {
        this.stateDirectory = stateDirectory;
        this.store = store;
        this.config = config;
        this.restoreProblems = List.copyOf(restoreProblems);
        this.downloadLimiter = RateLimiter.of(config.downloadLimit());
        this.uploadLimiter = RateLimiter.of(config.uploadLimit());
        // Proxies (routes, credentials, a 407's message) are added by the network settings.
        this.http = config.network().client(HttpClient.newBuilder()
                // Redirects are followed by the transfers themselves: they record the final URL,
                // count hops and decide where credentials may go.
                .followRedirects(HttpClient.Redirect.NEVER)
                // One TCP connection per transfer (and per segment): HTTP/2 would multiplex them
                // onto one and share one congestion window.
                .version(HttpClient.Version.HTTP_1_1)
                // The real TLS context is built at the first https connection, not here.
                .sslContext(tls)
                .sslParameters(DeferredTlsContext.inheritedParameters())
                .connectTimeout(config.connectTimeout()));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("ferry-watchdog").daemon().factory());
        this.watchdog.scheduleWithFixedDelay(this::abortIdleTransfers, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Opens (and locks) a state directory and restores its tasks. Tasks the last process left
     * running or queued start again when {@code config.autoResume()}, else they are paused.
     *
     * @throws app.ferry.engine.store.StateDirectoryInUseException when another process holds it
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
        StateDirectory directory = StateDirectory.open(stateDir);
        try {
            TaskStore store = TaskStore.owned(directory);
            try {
                TaskStore.Loaded loaded = store.loadAll();
                TransferQueue queue = new TransferQueue(directory, store, config, loaded.problems(), tls);
                queue.restore(loaded.records());
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

    private void restore(List<TaskRecord> records) throws IOException {
        synchronized (lock) {
            List<TaskRecord> changed = new ArrayList<>();
            List<TaskRecord> all = new ArrayList<>(records.size());
            for (TaskRecord record : records) {
                TaskRecord restored = record;
                if (record.state() == TaskState.RUNNING || record.state() == TaskState.QUEUED) {
                    TaskState next = config.autoResume() ? TaskState.QUEUED : TaskState.PAUSED;
                    restored = record.withState(next, record.message(), System.currentTimeMillis());
                    changed.add(restored);
                }
                all.add(restored);
            }
            store.saveAll(changed);
            for (TaskRecord restored : all) {
                TaskRuntime runtime = new TaskRuntime(this, restored, null);
                tasks.put(restored.id(), runtime);
                if (restored.state() == TaskState.QUEUED) {
                    ready.add(runtime);
                }
            }
        }
        promoteAndExecute();
    }

    /** Files in the state directory that could not be read; they were kept aside. */
    public List<String> restoreProblems() {
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

    /** Takes new limits at once: raising them starts waiting tasks, lowering them lets running ones finish. */
    public void reconfigure(EngineConfig newConfig) {
        config = newConfig;
        downloadLimiter.setRate(newConfig.downloadLimit());
        uploadLimiter.setRate(newConfig.uploadLimit());
        promoteAndExecute();
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
        TaskRuntime runtime;
        synchronized (lock) {
            runtime = tasks.get(id);
        }
        if (runtime != null) {
            runtime.setLimit(bytesPerSecond);
        }
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
        synchronized (lock) {
            // Checked before the save as well as after: tasks saved by a closed queue would come
            // back at the next start although the caller was told they were not added.
            requireOpen();
        }
        long now = System.currentTimeMillis();
        List<TaskRecord> records = new ArrayList<>(additions.size());
        for (Addition addition : additions) {
            records.add(TaskRecord.create(TaskId.random(), addition.spec(), initialName(addition.spec()), now));
        }
        try {
            store.saveAll(records);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + (records.size() == 1 ? "the new task " + records.getFirst().name()
                    : records.size() + " new tasks") + " in " + stateDirectory.root() + ": " + e.getMessage(), e);
        }
        List<TaskRuntime> added = new ArrayList<>(records.size());
        synchronized (lock) {
            requireOpen();
            for (int i = 0; i < records.size(); i++) {
                TaskRuntime runtime = new TaskRuntime(this, records.get(i), additions.get(i).credentials());
                tasks.put(runtime.id(), runtime);
                ready.add(runtime);
                added.add(runtime);
            }
        }
        for (TaskRuntime runtime : added) {
            fanOut.stateChanged(runtime.snapshot());
        }
        promoteAndExecute();
        return added.stream().map(TaskRuntime::id).toList();
    }

    private static String initialName(TransferSpec spec) {
        if (spec instanceof UploadSpec upload) {
            List<Path> files = upload.files();
            return files.size() == 1 ? String.valueOf(files.getFirst().getFileName()) : files.size() + " files";
        }
        String url = spec.url();
        String path = java.net.URI.create(url).getRawPath();
        int slash = path == null ? -1 : path.lastIndexOf('/');
        String last = slash < 0 ? "" : path.substring(slash + 1);
        return last.isEmpty() ? java.net.URI.create(url).getHost() : java.net.URLDecoder.decode(last.replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    public Optional<TaskSnapshot> snapshot(TaskId id) {
        TaskRuntime runtime;
        synchronized (lock) {
            runtime = tasks.get(id);
        }
        return Optional.ofNullable(runtime).map(TaskRuntime::snapshot);
    }

    /** Every task, in the order they were added. */
    public List<TaskSnapshot> snapshots() {
        List<TaskRuntime> all;
        synchronized (lock) {
            all = List.copyOf(tasks.values());
        }
        List<TaskSnapshot> result = new ArrayList<>(all.size());
        for (TaskRuntime runtime : all) {
            result.add(runtime.snapshot());
        }
        return result;
    }

    /** Pauses a queued or running task; a running one saves its state before it reports paused. */
    public void pause(TaskId id) {
        stop(id, TaskRuntime.StopIntent.PAUSE, TaskState.PAUSED);
    }

    /** Stops a task for good, keeping whatever it downloaded: the user may still resume it. */
    public void cancel(TaskId id) {
        stop(id, TaskRuntime.StopIntent.CANCEL, TaskState.CANCELLED);
    }

    private void stop(TaskId id, TaskRuntime.StopIntent intent, TaskState idleState) {
        TaskRuntime runtime;
        boolean wasRunning;
        synchronized (lock) {
            runtime = tasks.get(id);
            if (runtime == null || runtime.record().state().isFinished() && intent != TaskRuntime.StopIntent.CANCEL) {
                return;
            }
            if (runtime.isSettling()) {
                // Its transfer has ended and its outcome is being saved: that outcome stands,
                // rather than race it with a second transition of our own.
                return;
            }
            wasRunning = running.contains(runtime);
            if (!wasRunning) {
                ready.remove(runtime);
            }
        }
        if (wasRunning) {
            runtime.requestStop(intent);
        } else if (runtime.record().state() != TaskState.COMPLETED && runtime.record().state() != idleState) {
            transition(runtime, idleState, null);
        }
    }

    /** Continues a paused, failed, cancelled or credential-waiting task from its saved state. */
    public void resume(TaskId id) {
        TaskRuntime runtime;
        synchronized (lock) {
            runtime = tasks.get(id);
            if (runtime == null || ready.contains(runtime) || runtime.record().state() == TaskState.COMPLETED) {
                return;
            }
            if (running.contains(runtime) || runtime.isSettling()) {
                // Paused a moment ago and still saving: continue as soon as it has stopped.
                if (runtime.stopRequested() || runtime.isSettling()) {
                    runtime.resumeWhenStopped();
                }
                return;
            }
            runtime.clearStop();
            ready.add(runtime);
        }
        transition(runtime, TaskState.QUEUED, null);
        promoteAndExecute();
    }

    /** Answers a 401 challenge: the task continues with these credentials (kept in memory only). */
    public void provideCredentials(TaskId id, Credentials credentials) {
        TaskRuntime runtime;
        synchronized (lock) {
            runtime = tasks.get(id);
        }
        if (runtime != null) {
            runtime.setCredentials(credentials);
            resume(id);
        }
    }

    public void pauseAll() {
        snapshots().stream().filter(s -> s.state().isActive()).forEach(s -> pause(s.id()));
    }

    public void resumeAll() {
        snapshots().stream().filter(s -> s.state() == TaskState.PAUSED).forEach(s -> resume(s.id()));
    }

    /**
     * Forgets a task. Its files stay unless {@code deleteFiles}: then the partial file, and the
     * finished file of a download, are deleted too — only ever on this explicit request.
     */
    public void remove(TaskId id, boolean deleteFiles) throws IOException {
        TaskRuntime runtime;
        boolean wasRunning;
        synchronized (lock) {
            runtime = tasks.remove(id);
            if (runtime == null) {
                return;
            }
            ready.remove(runtime);
            wasRunning = running.contains(runtime);
        }
        synchronized (runtime.storeLock()) {
            runtime.markRemoved();
            store.delete(id);
        }
        if (wasRunning) {
            // The transfer still holds its partial file; it is deleted once the transfer let go.
            runtime.requestRemoval(deleteFiles);
        } else if (deleteFiles) {
            deleteFiles(runtime.record());
        }
    }

    private static void deleteFiles(TaskRecord record) throws IOException {
        DownloadProgress download = record.download();
        if (download != null) {
            if (download.partialFile() != null) {
                java.nio.file.Files.deleteIfExists(download.partialFile());
            }
            if (download.finalFile() != null) {
                java.nio.file.Files.deleteIfExists(download.finalFile());
            }
        }
    }

    /** Starts ready tasks while the limits allow. */
    private void promoteAndExecute() {
        List<TaskRuntime> toStart = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            Map<String, Integer> perHost = new HashMap<>();
            for (TaskRuntime r : running) {
                perHost.merge(r.hostKey(), 1, Integer::sum);
            }
            for (TaskRuntime r : settling) {
                perHost.merge(r.hostKey(), 1, Integer::sum);
            }
            for (var it = ready.iterator(); it.hasNext() && running.size() + settling.size() < config.maxConcurrent(); ) {
                TaskRuntime candidate = it.next();
                String host = candidate.hostKey();
                if (perHost.getOrDefault(host, 0) >= config.maxPerHost()) {
                    continue;
                }
                it.remove();
                perHost.merge(host, 1, Integer::sum);
                running.add(candidate);
                toStart.add(candidate);
            }
        }
        for (TaskRuntime runtime : toStart) {
            workers.execute(() -> execute(runtime));
        }
    }

    private void execute(TaskRuntime runtime) {
        Outcome outcome;
        try {
            runtime.resetCounters();
            transition(runtime, TaskState.RUNNING, null);
            outcome = Retrier.run(transferFor(runtime.record().spec()), runtime);
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "Task " + runtime.id() + " hit a bug", e);
            outcome = new Outcome.Failed("Internal error: " + e + ". Please report it; the partial data is kept.");
        }
        finished(runtime, outcome);
    }

    private static Transfer transferFor(TransferSpec spec) {
        return switch (spec) {
            case DownloadSpec download -> new DownloadTransfer(download);
            case RawUploadSpec raw -> new BodyUploadTransfer(raw);
            case MultipartUploadSpec form -> new BodyUploadTransfer(form);
            case TusUploadSpec tus -> new TusUploadTransfer(tus);
        };
    }

    private void finished(TaskRuntime runtime, Outcome outcome) {
        synchronized (lock) {
            // Out of the running list, but still settling: a resume() now must wait for the
            // outcome to be saved rather than start a second worker.
            runtime.setSettling(true);
            running.remove(runtime);
            settling.add(runtime);
        }
        try {
            settle(runtime, outcome);
        } catch (UncheckedIOException e) {
            // The state directory refused the write (full disk, removed): the task must not look
            // running forever. Memory says failed; the file keeps its last good state.
            LOG.log(System.Logger.Level.ERROR, "Could not save the outcome of task " + runtime.id(), e);
            runtime.update(r -> r.withState(TaskState.FAILED, e.getMessage(), System.currentTimeMillis()));
            fanOut.failed(runtime.snapshot());
        } finally {
            synchronized (lock) {
                runtime.setSettling(false);
                settling.remove(runtime);
            }
        }
        if (runtime.takeResumeWhenStopped()) {
            resume(runtime.id());
        }
        promoteAndExecute();
    }

    private void settle(TaskRuntime runtime, Outcome outcome) {
        TaskRuntime.StopIntent intent = runtime.stopIntent();
        switch (outcome) {
            case Outcome.Completed c -> transition(runtime, TaskState.COMPLETED, null);
            case Outcome.Failed f -> transition(runtime, TaskState.FAILED, f.reason());
            case Outcome.NeedsCredentials n -> {
                transition(runtime, TaskState.NEEDS_CREDENTIALS, (runtime.credentials() == null
                        ? "The server asks for a user name and password"
                        : "The server refused the user name and password given; it asks for others")
                        + (n.realm() == null ? "" : " (realm \"" + n.realm() + "\")"));
                fanOut.needsCredentials(runtime.id(), n.realm());
            }
            case Outcome.Stopped s -> {
                switch (intent) {
                    case CANCEL -> transition(runtime, TaskState.CANCELLED, null);
                    case REMOVE -> {
                        if (runtime.deleteFilesOnRemoval()) {
                            try {
                                deleteFiles(runtime.record());
                            } catch (IOException e) {
                                LOG.log(System.Logger.Level.WARNING, "Could not delete the files of removed task "
                                        + runtime.record().name(), e);
                            }
                        }
                    }
                    // Queued, not paused: the next start continues it like a crash would.
                    case SHUTDOWN -> transition(runtime, TaskState.QUEUED, null);
                    default -> {
                        long durable = runtime.record().durableBytes();
                        runtime.note(HistoryEvent.Kind.PAUSED, durable, "Paused with " + durable + " bytes saved");
                        transition(runtime, TaskState.PAUSED, null);
                    }
                }
            }
        }
    }

    private void transition(TaskRuntime runtime, TaskState state, String message) {
        TaskRecord before = runtime.record();
        String keptMessage = message != null ? message : state == TaskState.FAILED ? before.message() : null;
        // Transitions happen while no transfer writes the record (before it starts, after it ended).
        TaskRecord next = before.withState(state, keptMessage, System.currentTimeMillis());
        // Saved before anyone can see it: a snapshot that says PAUSED means the state file says so too.
        // Except the start of a run: a restart treats RUNNING exactly as the QUEUED line before it,
        // so that line goes out with the next sync instead of holding up every start with its own.
        persist(next, state != TaskState.RUNNING);
        runtime.replaceRecord(next);
        synchronized (lock) {
            if (!tasks.containsKey(runtime.id())) {
                return;
            }
        }
        TaskSnapshot snapshot = runtime.snapshot();
        fanOut.stateChanged(snapshot);
        if (state == TaskState.COMPLETED) {
            fanOut.completed(snapshot);
        } else if (state == TaskState.FAILED) {
            fanOut.failed(snapshot);
        }
    }

    /** Saves a record of a task the queue still knows; a removed task's late checkpoint is dropped. */
    void persist(TaskRecord record) {
        persist(record, true);
    }

    private void persist(TaskRecord record, boolean durable) {
        TaskRuntime runtime;
        synchronized (lock) {
            runtime = tasks.get(record.id());
        }
        if (runtime == null) {
            return;
        }
        // Held across the write, so a remove() cannot delete the file between our check and our
        // rename and have this write bring the removed task back at the next start.
        synchronized (runtime.storeLock()) {
            if (!runtime.isRemoved()) {
                save(record, durable);
            }
        }
    }

    private void save(TaskRecord record, boolean durable) {
        try {
            if (durable) {
                store.save(record);
            } else {
                store.saveEventually(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the state of task " + record.name() + " in "
                    + stateDirectory.root() + ": " + e.getMessage(), e);
        }
    }

    HttpClient http() {
        return http;
    }

    TransferListener events() {
        return fanOut;
    }

    RateLimiter downloadLimiter() {
        return downloadLimiter;
    }

    RateLimiter uploadLimiter() {
        return uploadLimiter;
    }

    private void abortIdleTransfers() {
        List<TaskRuntime> current;
        synchronized (lock) {
            current = List.copyOf(running);
        }
        long now = System.nanoTime();
        long idle = config.idleTimeout().toNanos();
        for (TaskRuntime runtime : current) {
            if (runtime.abortIfIdle(now, idle)) {
                LOG.log(System.Logger.Level.INFO, "Task " + runtime.id() + " received nothing for "
                        + config.idleTimeout().toSeconds() + " s; reconnecting");
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The transfer queue is closed");
        }
    }

    /** True when no task is queued or running. */
    public boolean isIdle() {
        synchronized (lock) {
            return ready.isEmpty() && running.isEmpty() && settling.isEmpty();
        }
    }

    /**
     * Stops every running transfer (their state is saved as queued, so the next start continues
     * them), waits up to {@code timeout} for them to save, and releases the state directory.
     */
    public void close(Duration timeout) throws IOException {
        List<TaskRuntime> toStop;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = List.copyOf(running);
        }
        for (TaskRuntime runtime : toStop) {
            // A pause asked for just before (Ctrl+C in the CLI) stays a pause.
            if (runtime.stopIntent() == TaskRuntime.StopIntent.NONE) {
                runtime.requestStop(TaskRuntime.StopIntent.SHUTDOWN);
            }
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Transfers did not stop within " + timeout
                        + "; their last saved state will be used next time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watchdog.shutdownNow();
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
