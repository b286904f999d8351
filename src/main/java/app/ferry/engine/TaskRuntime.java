package app.ferry.engine;

import app.ferry.engine.transfer.TransferContext;
import java.io.IOException;
import java.net.URI;
import app.ferry.engine.transfer.HttpSender;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * A task inside the queue: its record, its live counters, and the handles that let a pause
 * interrupt it at any moment. The queue creates one per task and one worker runs it at a time.
 *
 * <p>It is the {@link TransferContext} its transfers see. Everything a context needs beyond the
 * task itself comes from the {@link RunServices} it was made with: a checkpoint goes straight to
 * the {@link TaskSaver}, without looking the task up or taking any queue-wide lock.
 */
final class TaskRuntime implements TransferContext {

    /** Why a running task was asked to stop; decides the state it lands in. */
    enum StopIntent { NONE, PAUSE, CANCEL, REMOVE, SHUTDOWN }

    private static final System.Logger LOG = System.getLogger(TaskRuntime.class.getName());

    private final RunServices services;
    private final String hostKey;
    private final Object monitor = new Object();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong totalBytes = new AtomicLong(-1);
    private final SpeedMeter speed = new SpeedMeter();
    private final List<AutoCloseable> attemptResources = new ArrayList<>();
    /** The task's own limit (not persisted) inside the global ones. */
    private final TaskLimits limits;

    private volatile TaskRecord record;
    private volatile StopIntent stopIntent = StopIntent.NONE;
    private final IdleClock idle = new IdleClock();
    private volatile Credentials credentials;
    private final CheckpointClock checkpoints = new CheckpointClock();
    private final LowSpeedWindow speedWindow = new LowSpeedWindow();
    /** While a retry's back-off runs: no bytes are expected then. */
    private volatile boolean sleeping;

    TaskRuntime(RunServices services, TaskRecord record, Credentials credentials) {
        this.services = services;
        this.limits = new TaskLimits(services.downloadLimiter(), services.uploadLimiter(), this::stopRequested);
        this.hostKey = hostKeyOf(record);
        this.record = record;
        this.credentials = credentials;
        this.bytesDone.set(record.durableBytes());
        this.totalBytes.set(record.totalBytes());
    }

    TaskId id() {
        return record.id();
    }

    /** The per-host limit's key; the spec never changes, and the queue asks on every promotion. */
    String hostKey() {
        return hostKey;
    }

    /** What the queue learnt about servers, for the transfers this task runs. */
    HostCapabilities hosts() {
        return services.hosts();
    }

    private static String hostKeyOf(TaskRecord record) {
        URI uri = record.spec().uri();
        return uri.getHost() + ":" + uri.getPort();
    }

    TaskSnapshot snapshot() {
        TaskRecord current = record;
        long done = bytesDone.get();
        boolean running = current.state() == TaskState.RUNNING;
        // Sampled even while waiting, so the meter measures from here when bytes move again.
        long rate = running ? speed.sample(done, System.nanoTime()) : 0;
        boolean waiting = running && idle.awaitingResponse();
        // Nothing moves while the server works on the body: the last sending speed would be stale.
        return new TaskSnapshot(current, done, totalBytes.get(), waiting ? 0 : rate, waiting);
    }

    // --- called by the queue ---

    void replaceRecord(TaskRecord newRecord) {
        synchronized (monitor) {
            record = newRecord;
        }
    }

    /** Makes the live counters agree with the durable state again, before a new run. */
    void resetCounters() {
        bytesDone.set(record.durableBytes());
        totalBytes.set(record.totalBytes());
        speed.reset();
        idle.reset();
        // A run's first checkpoint is due a full interval after it starts, not at its first chunk.
        checkpoints.reset(bytesDone.get());
    }

    void requestStop(StopIntent intent) {
        stopIntent = intent;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        closeAttemptResources();
    }

    private volatile RemovedFiles filesOnRemoval = RemovedFiles.KEEP;

    void requestRemoval(RemovedFiles files) {
        filesOnRemoval = files;
        requestStop(StopIntent.REMOVE);
    }

    RemovedFiles filesOnRemoval() {
        return filesOnRemoval;
    }

    StopIntent stopIntent() {
        return stopIntent;
    }

    void clearStop() {
        stopIntent = StopIntent.NONE;
        resumeWhenStopped = false;
    }

    private volatile boolean resumeWhenStopped;
    /** A lock, not a monitor: a batch of many tasks holds all of theirs at once (see {@link TaskSaver}). */
    private final ReentrantLock storeLock = new ReentrantLock();
    /** Guarded by {@link #storeLock}. */
    private boolean removed;

    /** Serialises this task's state writes with its removal. */
    ReentrantLock storeLock() {
        return storeLock;
    }

    void markRemoved() {
        removed = true;
    }

    boolean isRemoved() {
        return removed;
    }

    void resumeWhenStopped() {
        resumeWhenStopped = true;
    }

    boolean takeResumeWhenStopped() {
        boolean resume = resumeWhenStopped;
        resumeWhenStopped = false;
        return resume;
    }

    void setLimit(long bytesPerSecond) {
        limits.setRate(bytesPerSecond);
    }

    long limit() {
        return limits.rate();
    }

    void setCredentials(Credentials given) {
        credentials = given;
    }

    /** Called by the watchdog: drops the connection of an attempt that stopped moving bytes. */
    boolean abortIfIdle(long nowNanos, long idleNanos) {
        if (!idle.expired(nowNanos, idleNanos)) {
            return false;
        }
        closeAttemptResources();
        return true;
    }

    /**
     * Called by the watchdog: drops the connection of an attempt that moved fewer than
     * {@code bytesPerSecond} on average over {@code windowNanos}, so that it reconnects and resumes.
     * The window runs only while a body moves: not while connecting or waiting for headers (the
     * idle timeout covers those), not during a retry's back-off, and not under a rate limit below
     * the rule, where slowness is what the user asked for.
     */
    boolean abortIfSlow(long nowNanos, long bytesPerSecond, long windowNanos) {
        if (!speedWindow.tooSlow(nowNanos, bytesDone.get(), bytesPerSecond, windowNanos,
                () -> sleeping || limits.isBelow(bytesPerSecond, record.direction()))) {
            return false;
        }
        closeAttemptResources();
        return true;
    }

    private void closeAttemptResources() {
        List<AutoCloseable> toClose;
        synchronized (attemptResources) {
            toClose = List.copyOf(attemptResources);
        }
        for (AutoCloseable resource : toClose) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing is how we abort; the attempt sees the failure on its own thread.
                LOG.log(System.Logger.Level.DEBUG, "Closing a resource of task " + id() + " failed", e);
            }
        }
    }

    /** What the task's transfers see. */
    TransferContext context() {
        return this;
    }

    // --- TransferContext ---

    @Override
    public TaskRecord record() {
        return record;
    }

    @Override
    public void update(UnaryOperator<TaskRecord> change) {
        synchronized (monitor) {
            record = change.apply(record);
        }
    }

    @Override
    public void checkpoint() throws IOException {
        services.saver().save(this, record, true);
        checkpoints.reset(bytesDone.get());
    }

    @Override
    public boolean checkpointDue() {
        return checkpoints.due(bytesDone.get(), checkpointInterval());
    }

    @Override
    public void note(HistoryEvent.Kind kind, long offset, String text) {
        update(r -> r.withEvent(new HistoryEvent(System.currentTimeMillis(), kind, offset, text)));
    }

    @Override
    public void note(HistoryEvent.Kind kind, long offset, Problem words) {
        update(r -> r.withEvent(new HistoryEvent(System.currentTimeMillis(), kind, offset, words.english(), words)));
    }

    @Override
    public void setBytesDone(long bytes) {
        bytesDone.set(bytes);
        // A restart from zero moves the counter back: measure the speed afresh from here.
        speedWindow.close();
    }

    @Override
    public void addBytesDone(long delta) {
        speedWindow.bytesMoved(bytesDone.addAndGet(delta));
    }

    @Override
    public void setTotalBytes(long total) {
        totalBytes.set(total);
    }

    @Override
    public void awaitingResponse(boolean waiting) {
        idle.awaitingResponse(waiting);
        // The low-speed rule is for a moving body; the idle timeout still bounds the wait.
        speedWindow.close();
    }

    @Override
    public void throttleDownload(long bytes) {
        limits.throttleDownload(bytes);
    }

    @Override
    public int readSize(int buffer) {
        return limits.readSize(buffer);
    }

    @Override
    public HttpRequest.BodyPublisher throttledUpload(HttpRequest.BodyPublisher body) {
        return limits.throttledUpload(body);
    }

    @Override
    public boolean stopRequested() {
        return stopIntent != StopIntent.NONE;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        touch();
        speedWindow.close();
        try {
            return AbortableSend.send(services.http(), limits.throttled(request, record.direction()), handler,
                    this::onStop);
        } finally {
            // The answer's headers are here (or the exchange failed): no longer waiting for them.
            idle.awaitingResponse(false);
        }
    }

    @Override
    public void onStop(AutoCloseable resource) {
        synchronized (attemptResources) {
            attemptResources.add(resource);
        }
        if (stopRequested()) {
            closeAttemptResources();
        }
    }

    @Override
    public boolean sleep(Duration delay) {
        sleeping = true;
        try {
            return sleepUntil(System.nanoTime() + delay.toNanos());
        } finally {
            sleeping = false;
            speedWindow.close();
        }
    }

    private boolean sleepUntil(long deadline) {
        synchronized (monitor) {
            while (!stopRequested()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    @Override
    public void releaseAttemptResources() {
        closeAttemptResources();
        idle.attemptEnded();
        synchronized (attemptResources) {
            attemptResources.clear();
        }
    }

    @Override
    public boolean abortedAsIdle() {
        return idle.aborted();
    }

    @Override
    public long idleAbortSeconds() {
        return idle.abortedAfterSeconds();
    }

    @Override
    public void touch() {
        idle.touch();
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public HttpSender http() {
        return services.http();
    }

    @Override
    public EngineConfig config() {
        return services.config().get();
    }

    @Override
    public TransferListener events() {
        return services.events();
    }
}
