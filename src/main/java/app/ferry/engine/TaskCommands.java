package app.ferry.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the user's commands on many tasks do: add, pause, cancel, resume, remove and move. Each asks
 * the {@link Dispatcher} where the tasks are (ready ones leave its ready set, running ones are
 * asked to stop) and saves the idle ones' new states as one batch through {@link TaskTransitions}
 * (one journal sync however many tasks), so {@link TransferQueue} only delegates.
 */
final class TaskCommands {

    private final TaskTable tasks;
    private final Dispatcher dispatcher;
    private final TaskTransitions transitions;
    private final TaskSaver saver;
    private final RunServices services;

    TaskCommands(TaskTable tasks, Dispatcher dispatcher, TaskTransitions transitions, RunServices services) {
        this.tasks = tasks;
        this.dispatcher = dispatcher;
        this.transitions = transitions;
        this.saver = services.saver();
        this.services = services;
    }

    /**
     * Adds tasks in order, saved with one sync (a thousand pasted URLs would otherwise wait for a
     * thousand syncs in a row, and the running tasks for the queue to fill), and lets them start.
     */
    List<TaskId> add(List<TransferQueue.Addition> additions) {
        // Checked before the save as well as after: tasks saved by a closed queue would come
        // back at the next start although the caller was told they were not added.
        requireOpen();
        long now = System.currentTimeMillis();
        long order = tasks.allocateOrder(additions.size());
        List<TaskRecord> records = new ArrayList<>(additions.size());
        for (TransferQueue.Addition addition : additions) {
            records.add(TaskRecord.create(TaskId.random(), addition.spec(), TaskNames.initial(addition.spec()), now)
                    .withOrder(order));
            order += QueueOrder.GAP;
        }
        saver.saveNew(records);
        List<TaskRuntime> added = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            added.add(new TaskRuntime(services, records.get(i), additions.get(i).credentials()));
        }
        requireOpen();
        tasks.putAll(added);
        dispatcher.enqueue(added);
        for (TaskRuntime runtime : added) {
            services.events().stateChanged(runtime.snapshot());
        }
        dispatcher.promoteAndExecute();
        return added.stream().map(TaskRuntime::id).toList();
    }

    private void requireOpen() {
        if (dispatcher.isClosed()) {
            throw new IllegalStateException("The transfer queue is closed");
        }
    }

    /**
     * Stops tasks for a pause or a cancel: running ones are asked to stop (each saves its state
     * before it lands in {@code idleState}), the others land there at once, in one batch.
     */
    void stop(Collection<TaskId> ids, TaskRuntime.StopIntent intent, TaskState idleState) {
        List<TaskRuntime> candidates = new ArrayList<>(ids.size());
        for (TaskRuntime runtime : tasks.getAll(ids)) {
            if (!runtime.record().state().isFinished() || intent == TaskRuntime.StopIntent.CANCEL) {
                candidates.add(runtime);
            }
        }
        // A settling task's transfer has ended and its outcome is being saved: that outcome
        // stands, rather than race it with a second transition of our own.
        Dispatcher.Dequeued where = dispatcher.dequeue(candidates);
        for (TaskRuntime runtime : where.running()) {
            runtime.requestStop(intent);
        }
        List<TaskRuntime> toLand = new ArrayList<>(where.idle().size());
        for (TaskRuntime runtime : where.idle()) {
            TaskState state = runtime.record().state();
            if (state != TaskState.COMPLETED && state != idleState) {
                toLand.add(runtime);
            }
        }
        transitions.transitionAll(toLand, idleState);
    }

    /** Saves the idle, unfinished tasks among {@code ids} as queued in one batch, then lets them start. */
    void resume(Collection<TaskId> ids) {
        List<TaskRuntime> candidates = new ArrayList<>(ids.size());
        for (TaskRuntime runtime : tasks.getAll(ids)) {
            if (runtime.record().state() != TaskState.COMPLETED) {
                candidates.add(runtime);
            }
        }
        List<TaskRuntime> idle = dispatcher.idleForResume(candidates);
        for (TaskRuntime runtime : idle) {
            runtime.clearStop();
        }
        // Saved as queued before they are ready: a task the dispatcher starts at once must not
        // have its RUNNING record replaced by this QUEUED one afterwards.
        transitions.transitionAll(idle, TaskState.QUEUED);
        dispatcher.enqueue(idle);
        dispatcher.promoteAndExecute();
    }

    /**
     * Forgets tasks, deleted from the journal in one batch. The files {@code files} names are
     * deleted now for idle ones, and for running ones once their transfer let go of them.
     */
    void remove(Collection<TaskId> ids, RemovedFiles files) throws IOException {
        List<TaskRuntime> removed = tasks.removeAll(ids);
        if (removed.isEmpty()) {
            return;
        }
        Dispatcher.Dequeued where = dispatcher.dequeue(removed);
        saver.deleteAll(removed);
        for (TaskRuntime runtime : where.running()) {
            // The transfer still holds its partial file; it is deleted once the transfer let go.
            runtime.requestRemoval(files);
        }
        if (files != RemovedFiles.KEEP) {
            List<TaskRuntime> idle = new ArrayList<>(where.idle());
            idle.addAll(where.settling());
            TaskFiles.deleteAll(idle.stream().map(TaskRuntime::record).toList(), files);
        }
    }

    /** Gives the moved tasks their new order keys, saved in one batch, and reorders the ready set. */
    void move(Collection<TaskId> ids, QueuePosition position) {
        if (ids.isEmpty()) {
            return;
        }
        QueueOrder.Moved moved = tasks.move(ids, position);
        List<TaskRuntime> changed = new ArrayList<>(moved.keys().keySet());
        List<TaskRecord> records = new ArrayList<>(changed.size());
        for (TaskRuntime runtime : changed) {
            long key = moved.keys().get(runtime);
            runtime.update(r -> r.withOrder(key));
            records.add(runtime.record());
        }
        saver.saveAll(changed, records);
        dispatcher.reorder();
        for (TaskRuntime runtime : changed) {
            services.events().stateChanged(runtime.snapshot());
        }
    }
}
