package app.ferry.ui;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The view-models' background "writes" thread: runs the queue commands that write to disk (adding,
 * removing, pausing, resuming tasks, see {@link BulkCommands}) on one background thread, in the
 * order they were asked. Each state change is synced before it is seen, so thousands of pasted
 * links, or "pause all" over thousands of tasks, would otherwise freeze the window for as long as
 * the disk takes. {@link #submit}, {@link #drain} and {@link #idle} run on the FX thread, the
 * submitted work on the background thread, {@link #close} on the FX thread when the window closes.
 *
 * <p>Results come back the way engine events do: the finished command's continuation is queued and
 * {@code wake} flags the view-model, whose next update pass on the FX thread runs it through
 * {@link #drain()} — one hand-over per command, however many tasks it added, and no
 * {@code Platform.runLater}, so the view-model stays testable without the toolkit.
 */
final class QueueWrites implements AutoCloseable {

    /** Long enough for thousands of adds on a slow disk; closing the window should not hang forever. */
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final ExecutorService executor;
    private final Runnable wake;
    private final Queue<Runnable> finished = new ConcurrentLinkedQueue<>();
    /** Commands submitted whose continuation has not run yet; FX thread only. */
    private int underWay;

    /** @param executor runs the commands one at a time and in order (a single thread); closed by {@link #close()} */
    QueueWrites(ExecutorService executor, Runnable wake) {
        this.executor = executor;
        this.wake = wake;
    }

    static ExecutorService newThread() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ferry-queue-writes").daemon(true).factory());
    }

    /**
     * FX thread: runs {@code work} in the background, then {@code onFx} with its result on the FX
     * thread's next pass.
     */
    <T> void submit(Supplier<T> work, Consumer<T> onFx) {
        executor.execute(() -> {
            Runnable continuation;
            try {
                T result = work.get();
                continuation = () -> onFx.accept(result);
            } catch (RuntimeException e) {
                // The work reports the failures it can explain; anything else is a bug, rethrown on the
                // FX thread so it reaches the uncaught-exception handler instead of dying with this task.
                continuation = () -> {
                    throw e;
                };
            }
            finished.add(continuation);
            wake.run();
        });
        // After execute: a refused command never comes back. No race with drain(), also on the FX thread.
        underWay++;
    }

    /** FX thread: runs the continuations of the commands finished since the last call, oldest first. */
    void drain() {
        Runnable continuation;
        while ((continuation = finished.poll()) != null) {
            underWay--;
            continuation.run();
        }
    }

    /** FX thread: whether every command submitted so far has come back through {@link #drain()}. */
    boolean idle() {
        return underWay == 0;
    }

    /** Waits for the commands already asked for, so that closing the queue afterwards loses none. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                System.getLogger(QueueWrites.class.getName()).log(System.Logger.Level.WARNING,
                        "Adding or removing tasks took over " + CLOSE_WAIT_SECONDS + " s; closing the queue anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
