package app.ferry.ui;

import app.ferry.engine.Credentials;
import app.ferry.engine.TaskId;
import app.ferry.engine.TransferQueue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue commands that change many tasks at once. Every method runs on {@link QueueWrites}'
 * background thread, never on the FX thread: a state change is saved (synced) before it is seen.
 * Selections go to the queue's batch calls, which save any number of tasks with one sync.
 */
final class BulkCommands {

    private final TransferQueue queue;

    BulkCommands(TransferQueue queue) {
        this.queue = queue;
    }

    /** Background thread: pauses every queued or running task. */
    void pauseAll() {
        queue.pauseAll();
    }

    /** Background thread: resumes every paused task. */
    void resumeAll() {
        queue.resumeAll();
    }

    /** Background thread: pauses these tasks (one no longer there, or already stopped, is skipped). */
    void pause(List<TaskId> ids) {
        queue.pause(ids);
    }

    /** Background thread: resumes these tasks (also a retry of failed or cancelled ones). */
    void resume(List<TaskId> ids) {
        queue.resume(ids);
    }

    /** Background thread: cancels these tasks, keeping what they downloaded. */
    void cancel(List<TaskId> ids) {
        ids.forEach(queue::cancel);
    }

    /** Background thread: answers a task's 401 with credentials (kept in memory only); it continues. */
    void provideCredentials(TaskId id, Credentials credentials) {
        queue.provideCredentials(id, credentials);
    }

    /**
     * Background thread: removes the tasks in one batch (a second removal of one is a no-op), with
     * one line per task whose files could not be deleted.
     */
    List<Throwable> remove(List<TaskId> ids, boolean deleteFiles) {
        List<Throwable> problems = new ArrayList<>();
        try {
            queue.remove(ids, deleteFiles);
        } catch (IOException e) {
            // The queue attaches all failures but the first to it; each says its file. The window
            // phrases them in its language (ProblemText#file), so they stay exceptions here.
            problems.add(e);
            problems.addAll(List.of(e.getSuppressed()));
        }
        return problems;
    }
}
