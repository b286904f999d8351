package app.ferry.ui;

import app.ferry.engine.Direction;
import app.ferry.engine.QueuePosition;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ObservableList;

/**
 * Commands on the selection that change a task rather than its state: its place in the queue
 * (top, up, down, bottom), its name (before completion the name it will be saved under, after it
 * the file on disk), and copying its URL. FX thread; the queue calls, which save to disk, run on
 * {@link QueueWrites}' thread and report back through {@link Messages}.
 */
public final class TaskEditsViewModel {

    private final TransferQueue queue;
    private final QueueWrites writes;
    private final Messages messages;
    private final I18n i18n;
    private final ObservableList<TaskModel> selection;
    private final BooleanBinding canMove;
    private final BooleanBinding canRename;
    private final BooleanBinding canCopyUrl;

    TaskEditsViewModel(TransferQueue queue, QueueWrites writes, Messages messages, I18n i18n,
            ObservableList<TaskModel> selection) {
        this.queue = queue;
        this.writes = writes;
        this.messages = messages;
        this.i18n = i18n;
        this.selection = selection;
        // Order matters for what has yet to start: the unfinished tasks.
        this.canMove = Bindings.createBooleanBinding(
                () -> selection.stream().anyMatch(m -> !m.state().isFinished()), selection);
        this.canRename = Bindings.createBooleanBinding(() -> selection.size() == 1
                && selection.getFirst().directionProperty().get() == Direction.DOWNLOAD, selection);
        this.canCopyUrl = Bindings.createBooleanBinding(() -> !selection.isEmpty(), selection);
    }

    /** FX thread, after each update pass: the selected tasks' states may have changed. */
    void update() {
        canMove.invalidate();
        canRename.invalidate();
    }

    /** Moves the selected unfinished tasks; the rows follow at the next pass. */
    public void move(QueuePosition position) {
        List<TaskId> ids = selection.stream().filter(m -> !m.state().isFinished()).map(TaskModel::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        writes.submit(() -> {
            queue.move(ids, position);
            return null;
        }, done -> { });
    }

    /** The name a rename starts from: the task's current one. */
    public Optional<TaskModel> renameCandidate() {
        return canRename.get() ? Optional.of(selection.getFirst()) : Optional.empty();
    }

    /** Renames a download; a refused name or a file that is gone is said in the message bar. */
    public void rename(TaskModel task, String newName) {
        TaskId id = task.id();
        boolean completed = task.state() == TaskState.COMPLETED;
        writes.submit(() -> {
            try {
                String given = queue.rename(id, newName);
                return UserMessage.info(i18n.get(completed ? "msg.renamed" : "msg.willBeSavedAs", given));
            } catch (IllegalArgumentException | IOException e) {
                return UserMessage.error(i18n.get("msg.renameFailed", new ProblemText(i18n).why(e)));
            }
        }, messages::show);
    }

    /** The URLs of the selection, one a line, for the clipboard. */
    public String selectedUrls() {
        return String.join("\n", selection.stream().map(m -> m.record().spec().url()).toList());
    }

    public BooleanBinding canMoveProperty() {
        return canMove;
    }

    public BooleanBinding canRenameProperty() {
        return canRename;
    }

    public BooleanBinding canCopyUrlProperty() {
        return canCopyUrl;
    }
}
