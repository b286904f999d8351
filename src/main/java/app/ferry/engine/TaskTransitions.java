package app.ferry.engine;

import app.ferry.engine.transfer.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's changes of state: the new record is saved before anyone can see it (a snapshot that
 * says PAUSED means the journal says so too), then it replaces the old one, then listeners hear
 * of it. Many tasks changing together (pause all) are saved as one batch with one sync.
 */
final class TaskTransitions {

    private static final System.Logger LOG = System.getLogger(TaskTransitions.class.getName());

    private final TaskSaver saver;
    private final TaskTable table;
    private final TransferListener events;

    TaskTransitions(TaskSaver saver, TaskTable table, TransferListener events) {
        this.saver = saver;
        this.table = table;
        this.events = events;
    }

    void transition(TaskRuntime runtime, TaskState state, Problem reason) {
        TaskRecord next = next(runtime, state, reason);
        // Saved before anyone can see it. Except the start of a run: a restart treats RUNNING
        // exactly as the QUEUED line before it, so that line goes out with the next sync instead
        // of holding up every start with its own.
        saver.save(runtime, next, state != TaskState.RUNNING);
        runtime.replaceRecord(next);
        announce(runtime, state);
    }

    /** Moves every task to {@code state} with one sync, then tells the listeners of each. */
    void transitionAll(List<TaskRuntime> runtimes, TaskState state) {
        if (runtimes.isEmpty()) {
            return;
        }
        List<TaskRecord> next = new ArrayList<>(runtimes.size());
        for (TaskRuntime runtime : runtimes) {
            next.add(next(runtime, state, null));
        }
        saver.saveAll(runtimes, next);
        for (int i = 0; i < runtimes.size(); i++) {
            runtimes.get(i).replaceRecord(next.get(i));
        }
        for (TaskRuntime runtime : runtimes) {
            announce(runtime, state);
        }
    }

    /** Transitions happen while no transfer writes the record (before it starts, after it ended). */
    private static TaskRecord next(TaskRuntime runtime, TaskState state, Problem reason) {
        TaskRecord before = runtime.record();
        long now = System.currentTimeMillis();
        if (reason == null && state == TaskState.FAILED) {
            return before.withStateKeepingMessage(state, now);
        }
        return before.withReason(state, reason, now);
    }

    private void announce(TaskRuntime runtime, TaskState state) {
        if (!table.contains(runtime.id())) {
            return;
        }
        TaskSnapshot snapshot = runtime.snapshot();
        events.stateChanged(snapshot);
        if (state == TaskState.COMPLETED) {
            events.completed(snapshot);
        } else if (state == TaskState.FAILED) {
            events.failed(snapshot);
        }
    }

    /** Lands a finished transfer in the state its outcome and the stop asked for say. */
    void settle(TaskRuntime runtime, Outcome outcome) {
        try {
            land(runtime, outcome);
        } catch (UncheckedIOException e) {
            // The state directory refused the write (full disk, removed): the task must not look
            // running forever. Memory says failed; the journal keeps its last good state.
            LOG.log(System.Logger.Level.ERROR, "Could not save the outcome of task " + runtime.id(), e);
            Problem problem = ProblemClassifier.classify(e.getCause());
            runtime.update(r -> r.withReason(TaskState.FAILED, problem.withEnglish(e.getMessage()), System.currentTimeMillis()));
            events.failed(runtime.snapshot());
        }
    }

    private void land(TaskRuntime runtime, Outcome outcome) {
        switch (outcome) {
            case Outcome.Completed c -> transition(runtime, TaskState.COMPLETED, null);
            case Outcome.Failed f -> {
                // The History keeps every attempt's end, not only the last reason the row shows.
                runtime.note(HistoryEvent.Kind.FAILED, runtime.record().durableBytes(), f.problem());
                transition(runtime, TaskState.FAILED, f.problem());
            }
            case Outcome.NeedsCredentials n -> {
                Problem wanted = credentialsWanted(runtime.record().spec().request().hasAuthorization(),
                        runtime.credentials(), n.realm());
                runtime.note(HistoryEvent.Kind.NOTE, runtime.record().durableBytes(), wanted);
                transition(runtime, TaskState.NEEDS_CREDENTIALS, wanted);
                events.needsCredentials(runtime.id(), n.realm());
            }
            case Outcome.Stopped s -> {
                switch (runtime.stopIntent()) {
                    case CANCEL -> transition(runtime, TaskState.CANCELLED, null);
                    case REMOVE -> {
                        if (runtime.filesOnRemoval() != RemovedFiles.KEEP) {
                            try {
                                TaskFiles.delete(runtime.record(), runtime.filesOnRemoval());
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
                        runtime.note(HistoryEvent.Kind.PAUSED, durable, new Problem(Problem.Code.PAUSED,
                                List.of(String.valueOf(durable)), "Paused with " + durable + " bytes saved", false));
                        transition(runtime, TaskState.PAUSED, null);
                    }
                }
            }
        }
    }

    /**
     * Why a task waits for a password: none was given yet, the one given was refused, or the
     * user's own Authorization header was refused. That header replaces any user name and
     * password (as curl's -H does), so they were not sent and must not be blamed.
     */
    private static Problem credentialsWanted(boolean ownAuthorization, Credentials given, String realm) {
        String inRealm = realm == null ? "" : " (realm \"" + realm + "\")";
        String shownRealm = realm == null ? "" : realm;
        if (ownAuthorization) {
            return new Problem(Problem.Code.AUTHORIZATION_REFUSED, List.of(shownRealm),
                    "The server refused the Authorization header given with the task" + inRealm
                            + "; give a new one, or a user name and password instead", false);
        }
        if (given == null) {
            return new Problem(Problem.Code.CREDENTIALS_NEEDED, List.of(shownRealm),
                    "The server asks for a user name and password" + inRealm, false);
        }
        return new Problem(Problem.Code.CREDENTIALS_REFUSED, List.of(shownRealm, given.user()),
                "The server refused the user name and password given; it asks for others" + inRealm, false);
    }
}
