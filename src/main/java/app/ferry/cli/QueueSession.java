package app.ferry.cli;

import app.ferry.engine.Credentials;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.Problem;
import app.ferry.engine.ProblemClassifier;
import app.ferry.engine.StateDirectoryInUseException;
import app.ferry.engine.StatusLine;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferListener;
import app.ferry.engine.TransferQueue;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    /** The thread in {@link #await}, woken when one of its tasks settles so the run ends as soon as they do. */
    private volatile Thread waiter;
    /** The tasks {@link #await} waits for. */
    private volatile Set<TaskId> tracked = Set.of();
    /** Tracked tasks that left the queued and running states, for {@link #await} to look at. */
    private final Queue<TaskId> settled = new ConcurrentLinkedQueue<>();

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
            queue.restoreProblems().forEach(p -> err.println("ferry: " + TerminalText.safe(p)));
            config.certificateProblems().forEach(p -> err.println("ferry: " + TerminalText.safe(p.english())));
            return new QueueSession(queue, out, err);
        } catch (StateDirectoryInUseException e) {
            err.println("ferry: " + TerminalText.safe(e.getMessage()));
        } catch (IOException e) {
            err.println("ferry: " + TerminalText.safe(stateDirectoryProblem(stateDir, e)));
        }
        return null;
    }

    /**
     * Why a state directory cannot be used. The JDK's message for a file-system fault is often the
     * bare path ("cannot use the state directory X: X"), so the reason comes from its kind.
     */
    static String stateDirectoryProblem(Path stateDir, IOException e) {
        Problem problem = ProblemClassifier.classify(e);
        if (problem.code() == Problem.Code.LOCAL_FILE) {
            String path = problem.args().get(0);
            return "cannot use the state directory " + stateDir
                    + (path.equals(stateDir.toAbsolutePath().normalize().toString()) || path.equals(stateDir.toString())
                    ? "" : " (at " + path + ")") + ": " + problem.args().get(1)
                    + ". Fix it, or choose another directory with --state";
        }
        // StateDirectory's own messages already name the directory and what to do.
        return e.getMessage() != null && e.getMessage().contains(stateDir.toAbsolutePath().normalize().toString())
                ? e.getMessage() : "cannot use the state directory " + stateDir + ": " + problem.english();
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

    /** Waits until the task is neither queued nor running (a pause asked for has landed), up to a minute. */
    void awaitStopped(TaskId id) {
        Thread thread = Thread.currentThread();
        TransferListener wake = new TransferListener() {
            @Override
            public void stateChanged(TaskSnapshot snapshot) {
                if (snapshot.id().equals(id) && !snapshot.state().isActive()) {
                    LockSupport.unpark(thread);
                }
            }
        };
        queue.addListener(wake);
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (queue.snapshot(id).map(s -> s.state().isActive()).orElse(false) && deadline - System.nanoTime() > 0) {
                LockSupport.parkNanos(deadline - System.nanoTime());
            }
        } finally {
            queue.removeListener(wake);
        }
    }

    /**
     * Waits until none of {@code ids} is queued or running, then reports and returns the exit code.
     *
     * <p>The work stays linear in the number of tasks: a task that settles costs one lookup (the
     * listener hands over its id), and only the progress refresh looks at every task still
     * unsettled, five times a second. Looking at all of them at every change made a list of 4000
     * URLs take 23 s instead of 3.
     */
    int await(Set<TaskId> ids) {
        Set<TaskId> unsettled = new LinkedHashSet<>(ids);
        tracked = Set.copyOf(ids);
        waiter = Thread.currentThread();
        // Tasks that settled before the listener knew them are found by the first full pass.
        long nextRefresh = System.nanoTime();
        while (!interrupted && !unsettled.isEmpty()) {
            for (TaskId id = settled.poll(); id != null; id = settled.poll()) {
                if (unsettled.contains(id)) {
                    settleIfDone(id, queue.snapshot(id).orElse(null), unsettled);
                }
            }
            long now = System.nanoTime();
            if (now - nextRefresh >= 0 && !unsettled.isEmpty()) {
                List<TaskSnapshot> running = new ArrayList<>();
                for (TaskId id : List.copyOf(unsettled)) {
                    TaskSnapshot task = queue.snapshot(id).orElse(null);
                    if (task != null && task.state() == TaskState.RUNNING) {
                        running.add(task);
                    }
                    settleIfDone(id, task, unsettled);
                }
                synchronized (progress) {
                    progress.show(running, ids.size() - unsettled.size(), ids.size());
                }
                nextRefresh = now + REFRESH_NANOS;
            }
            if (!unsettled.isEmpty() && settled.isEmpty()) {
                LockSupport.parkNanos(nextRefresh - System.nanoTime());
            }
        }
        waiter = null;
        tracked = Set.of();
        synchronized (progress) {
            progress.breakLine();
        }
        if (interrupted) {
            return ExitCode.INTERRUPTED;
        }
        return report(ids);
    }

    /**
     * Drops a task from {@code unsettled} once it is neither queued nor running; one that asks for
     * credentials stays if the user gives them here (it runs again).
     */
    private void settleIfDone(TaskId id, TaskSnapshot task, Set<TaskId> unsettled) {
        if (task == null) {
            unsettled.remove(id);
        } else if (!task.state().isActive()
                && !(task.state() == TaskState.NEEDS_CREDENTIALS && askForCredentials(task))) {
            unsettled.remove(id);
        }
    }

    private boolean askForCredentials(TaskSnapshot task) {
        Console console = System.console();
        // A password given here would not be sent: the task's own Authorization header wins.
        if (console == null || !console.isTerminal() || task.record().spec().request().hasAuthorization()) {
            return false;
        }
        synchronized (progress) {
            progress.breakLine();
            err.println(TerminalText.safe(task.name()) + ": " + TerminalText.safe(task.record().message()));
        }
        String user = console.readLine("User for %s: ", TerminalText.safe(task.record().spec().url()));
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
                        out.println(TerminalText.safe(download.finalFile() != null ? download.finalFile() : task.name()));
                    } else if (task.record().response() != null) {
                        boolean fieldsOnly = task.record().spec() instanceof app.ferry.engine.MultipartUploadSpec form
                                && form.files().isEmpty();
                        err.println((fieldsOnly ? "sent the " : "uploaded ") + TerminalText.safe(task.name()) + ": "
                                + StatusLine.of(task.record().response().status()));
                    }
                }
                case NEEDS_CREDENTIALS -> {
                    failures++;
                    err.println("ferry: " + TerminalText.safe(task.name()) + ": " + credentialsAdvice(task));
                }
                default -> {
                    failures++;
                    String reason = task.record().message() == null ? task.state().name().toLowerCase() : task.record().message();
                    err.println("ferry: " + TerminalText.safe(task.name()) + ": " + TerminalText.safe(reason));
                }
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? ExitCode.OK : ExitCode.TRANSFER_FAILED;
    }

    /**
     * What to do about a 401. The task's own {@code -H Authorization} replaces any {@code --user}
     * (as in curl), so when it carried one, asking for a password again cannot help: a new header,
     * or {@code --user} alone (which replaces the saved options, see {@link Continuation}), can.
     */
    static String credentialsAdvice(TaskSnapshot task) {
        if (task.record().spec().request().hasAuthorization()) {
            return "the server refused the Authorization header given with -H; run the command that added it again"
                    + " with a new -H \"Authorization: ...\", or with --user USER:PASSWORD (and no -H Authorization)"
                    + " for Basic authentication, and it continues where it stopped";
        }
        return "the server asks for a user name and password; run the command"
                + " that added it again with --user USER:PASSWORD (ferry get, put or post with the same URL),"
                + " and it continues where it stopped";
    }

    private void pauseAndSave() {
        interrupted = true;
        queue.pauseAll();
        try {
            queue.close(Duration.ofSeconds(5));
        } catch (IOException e) {
            err.println("ferry: could not release the state directory cleanly: " + TerminalText.safe(e.getMessage()));
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
            if (snapshot.state().isActive() || !tracked.contains(snapshot.id())) {
                return;
            }
            settled.add(snapshot.id());
            Thread thread = waiter;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void resumed(TaskId id, long offset) {
            queue.snapshot(id).ifPresent(task -> say("resuming " + TerminalText.safe(task.name()) + " at " + offset + " bytes"));
        }

        @Override
        public void retrying(TaskId id, int attempt, Duration delay, String reason) {
            queue.snapshot(id).ifPresent(task -> say(TerminalText.safe(task.name()) + ": " + TerminalText.safe(reason) + "; retry " + attempt
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
