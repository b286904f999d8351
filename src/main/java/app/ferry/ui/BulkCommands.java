package app.ferry.ui;

import app.ferry.engine.Credentials;
import app.ferry.engine.TaskId;
import app.ferry.engine.TransferQueue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The queue commands that change many tasks at once. Every method runs on {@link QueueWrites}'
 * background thread, never on the FX thread: each state change is saved (synced) before it is
 * seen, so ten thousand of them take as long as the disk does.
 *
 * <p>The one place to switch to the queue's batch calls ({@code TransferQueue.pause(Collection)},
 * {@code resume(Collection)}, {@code remove(Collection, boolean)}, one sync per batch) once they
 * exist; until then each task is changed on its own, in this background thread.
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
        ids.forEach(queue::pause);
    }

    /** Background thread: resumes these tasks (also a retry of failed or cancelled ones). */
    void resume(List<TaskId> ids) {
        ids.forEach(queue::resume);
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
     * Background thread: removes the tasks (a second removal of one is a no-op), with one line
     * per task whose files could not be deleted.
     *
     * @param names each task's name, for the lines
     */
    List<String> remove(Map<TaskId, String> names, boolean deleteFiles) {
        List<String> problems = new ArrayList<>();
        names.forEach((id, name) -> {
            try {
                queue.remove(id, deleteFiles);
            } catch (IOException e) {
                problems.add(name + ": " + e.getMessage());
            }
        });
        return problems;
    }
}
