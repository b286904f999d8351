package app.ferry.engine;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Once a second, drops the connection of a running transfer that has received nothing for
 * {@link EngineConfig#idleTimeout()}, or moved less than {@link EngineConfig#lowSpeedLimit()} on
 * average for {@link EngineConfig#lowSpeedTime()} (a body dripping a byte at a time is never
 * idle), so that its attempt fails and the retrier reconnects and resumes. A socket read timeout
 * cannot do this: the JDK client has none for a body.
 */
final class IdleWatchdog implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IdleWatchdog.class.getName());

    private final Supplier<List<TaskRuntime>> running;
    private final Supplier<EngineConfig> config;
    private final ScheduledExecutorService timer;

    IdleWatchdog(Supplier<List<TaskRuntime>> running, Supplier<EngineConfig> config) {
        this.running = running;
        this.config = config;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("ferry-watchdog").daemon().factory());
        this.timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    private void check() {
        long now = System.nanoTime();
        EngineConfig current = config.get();
        long idle = current.idleTimeout().toNanos();
        for (TaskRuntime runtime : running.get()) {
            if (runtime.abortIfIdle(now, idle)) {
                // DEBUG: the retry that follows tells the user (history, CLI line) in Ferry's words;
                // at INFO the JDK's console logger printed a timestamped line on the CLI's stderr.
                LOG.log(System.Logger.Level.DEBUG, "Task " + runtime.id() + " received nothing for "
                        + current.idleTimeout().toSeconds() + " s; reconnecting");
            } else if (current.lowSpeedLimit() > 0
                    && runtime.abortIfSlow(now, current.lowSpeedLimit(), current.lowSpeedTime().toNanos())) {
                LOG.log(System.Logger.Level.DEBUG, "Task " + runtime.id() + " moved less than "
                        + current.lowSpeedLimit() + " bytes a second for " + current.lowSpeedTime().toSeconds()
                        + " s; reconnecting");
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
