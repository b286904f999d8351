package app.ferry.cli;

import app.ferry.engine.Credentials;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferListener;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.store.StateDirectoryInUseException;
import app.ferry.engine.transfer.StatusLine;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of the command line against the queue: opens the state directory, shows progress,
 * waits for the tasks it cares about, and on Ctrl+C pauses them so a re-run continues.
 */
final class QueueSession implements AutoCloseable {

    private static final long REFRESH_NANOS = 200_000_000L;

    private final TransferQueue queue;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ProgressPrinter progress;
    private final Thread shutdownHook;
    private volatile boolean interrupted;
    /** The thread in {@link #await}, woken by every state change so the run ends as soon as its tasks do. */
    private volatile Thread waiter;

    private QueueSession(TransferQueue queue, PrintWriter out, PrintWriter err) {
        this.queue = queue;
        this.out = out;
        this.err = err;
        Console console = System.console();
        this.progress = new ProgressPrinter(err, console != null && console.isTerminal());
        this.shutdownHook = Thread.ofPlatform().name("ferry-ctrl-c").unstarted(this::pauseAndSave);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        queue.addListener(new Reporter());
    }

    /** Opens the queue, or explains on stderr why it cannot be and returns null. */
    static QueueSession open(Path stateDir, EngineConfig config, PrintWriter out, PrintWriter err) {
        try {
            TransferQueue queue = TransferQueue.open(stateDir, config);
            queue.restoreProblems().forEach(p -> err.println("ferry: " + p));
            return new QueueSession(queue, out, err);
        } catch (StateDirectoryInUseException e) {
            err.println("ferry: " + e.getMessage());
        } catch (IOException e) {
            err.println("ferry: cannot use the state directory " + stateDir + ": " + e.getMessage());
        }
        return null;
    }

    TransferQueue queue() {
        return queue;
    }

    /** Tasks restored from the state that are going to run (or already run) without being asked. */
    Set<TaskId> restoredActive() {
        Set<TaskId> ids = new LinkedHashSet<>();
        queue.snapshots().stream().filter(s -> s.state().isActive()).forEach(s -> ids.add(s.id()));
        return ids;
    }

    /** Waits until none of {@code ids} is queued or running, then reports and returns the exit code. */
    int await(Set<TaskId> ids) {
        waiter = Thread.currentThread();
        while (!interrupted) {
            List<TaskSnapshot> tasks = queue.snapshots().stream().filter(s -> ids.contains(s.id())).toList();
            synchronized (progress) {
                progress.show(tasks);
            }
            boolean waiting = false;
            for (TaskSnapshot task : tasks) {
                if (task.state().isActive()) {
                    waiting = true;
                } else if (task.state() == TaskState.NEEDS_CREDENTIALS && askForCredentials(task)) {
                    waiting = true;
                }
            }
            if (!waiting) {
                break;
            }
            LockSupport.parkNanos(REFRESH_NANOS);
        }
        waiter = null;
        synchronized (progress) {
            progress.breakLine();
        }
        if (interrupted) {
            return ExitCode.INTERRUPTED;
        }
        return report(ids);
    }

    private boolean askForCredentials(TaskSnapshot task) {
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            return false;
        }
        synchronized (progress) {
            progress.breakLine();
            err.println(task.name() + ": " + task.record().message());
        }
        String user = console.readLine("User for %s: ", task.record().spec().url());
        if (user == null || user.isEmpty()) {
            return false;
        }
        char[] password = console.readPassword("Password: ");
        queue.provideCredentials(task.id(), new Credentials(user, password == null ? "" : new String(password)));
        return true;
    }

    private int report(Set<TaskId> ids) {
        int failures = 0;
        for (TaskSnapshot task : queue.snapshots()) {
            if (!ids.contains(task.id())) {
                continue;
            }
            switch (task.state()) {
                case COMPLETED -> {
                    var download = task.record().download();
                    if (download != null) {
                        out.println(download.finalFile() != null ? download.finalFile() : task.name());
                    } else if (task.record().response() != null) {
                        err.println("uploaded " + task.name() + ": " + StatusLine.of(task.record().response().status()));
                    }
                }
                case NEEDS_CREDENTIALS -> {
                    failures++;
                    err.println("ferry: " + task.name() + ": the server asks for a user name and password;"
                            + " give them with --user USER:PASSWORD");
                }
                default -> {
                    failures++;
                    String reason = task.record().message() == null ? task.state().name().toLowerCase() : task.record().message();
                    err.println("ferry: " + task.name() + ": " + reason);
                }
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? ExitCode.OK : ExitCode.TRANSFER_FAILED;
    }

    private void pauseAndSave() {
        interrupted = true;
        queue.pauseAll();
        try {
            queue.close(Duration.ofSeconds(5));
        } catch (IOException e) {
            err.println("ferry: could not release the state directory cleanly: " + e.getMessage());
        }
        synchronized (progress) {
            progress.breakLine();
            err.println("ferry: paused; run the same command again, or `ferry resume`, to continue.");
            err.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (!interrupted) {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            queue.close();
        }
    }

    /** Lifecycle lines between progress updates. */
    private final class Reporter implements TransferListener {
        @Override
        public void stateChanged(TaskSnapshot snapshot) {
            Thread thread = waiter;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void resumed(TaskId id, long offset) {
            queue.snapshot(id).ifPresent(task -> say("resuming " + task.name() + " at " + offset + " bytes"));
        }

        @Override
        public void retrying(TaskId id, int attempt, Duration delay, String reason) {
            queue.snapshot(id).ifPresent(task -> say(task.name() + ": " + reason + "; retry " + attempt
                    + " in " + Formats.duration(Math.max(1, delay.toSeconds()))));
        }

        private void say(String line) {
            synchronized (progress) {
                progress.breakLine();
                err.println(line);
                err.flush();
            }
        }
    }
}
