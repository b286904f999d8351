package app.ferry.ui;

import app.ferry.engine.Credentials;
import app.ferry.engine.Direction;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The selected rows and what can be done with them: the commands' enable flags and the commands
 * themselves (pause, resume, cancel, retry, remove, open, credentials, speed limit, and pause all
 * / resume all, which need no selection).
 *
 * <p>Threads: every public method runs on the FX thread and returns at once. Commands that change
 * task states are handed to {@link BulkCommands} on {@link QueueWrites}' background thread, since
 * each change is synced to disk before it is seen; the rows show the new states at the next
 * sample. Only a speed limit, which lives in memory, is set here directly.
 */
public final class SelectionViewModel {

    private final TransferQueue queue;
    private final TaskListViewModel list;
    private final QueueWrites writes;
    private final BulkCommands bulk;
    private final Messages messages;
    private final I18n i18n;
    private final DesktopOpener opener;

    private final ObservableList<TaskModel> selection = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(this, "canPause");
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry");
    private final ReadOnlyBooleanWrapper canRemove = new ReadOnlyBooleanWrapper(this, "canRemove");
    private final ReadOnlyBooleanWrapper canOpenFile = new ReadOnlyBooleanWrapper(this, "canOpenFile");
    private final ReadOnlyBooleanWrapper canOpenFolder = new ReadOnlyBooleanWrapper(this, "canOpenFolder");
    private final ReadOnlyBooleanWrapper canGiveCredentials = new ReadOnlyBooleanWrapper(this, "canGiveCredentials");
    private final ReadOnlyBooleanWrapper canLimitSpeed = new ReadOnlyBooleanWrapper(this, "canLimitSpeed");
    private final ReadOnlyBooleanWrapper canRefreshLink = new ReadOnlyBooleanWrapper(this, "canRefreshLink");
    private final LinkRefreshes refreshes;
    private final ReadOnlyBooleanWrapper canPauseAll = new ReadOnlyBooleanWrapper(this, "canPauseAll");
    private final ReadOnlyBooleanWrapper canResumeAll = new ReadOnlyBooleanWrapper(this, "canResumeAll");
    private final ReadOnlyObjectWrapper<TaskModel> focused = new ReadOnlyObjectWrapper<>(this, "focused");

    SelectionViewModel(TransferQueue queue, TaskListViewModel list, QueueWrites writes, Messages messages, I18n i18n,
            DesktopOpener opener, LinkRefreshes refreshes) {
        this.queue = queue;
        this.list = list;
        this.writes = writes;
        this.bulk = new BulkCommands(queue);
        this.messages = messages;
        this.i18n = i18n;
        this.opener = opener;
        this.refreshes = refreshes;
        selection.addListener((ListChangeListener<TaskModel>) change -> updateCommands());
        // A removed task's row leaves the selection with it.
        list.tasks().addListener((ListChangeListener<TaskModel>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    selection.removeAll(change.getRemoved());
                }
            }
        });
    }

    /** FX thread: the view reports the table's selection here. */
    public void select(List<TaskModel> selected) {
        selection.setAll(selected);
    }

    /** FX thread: after every update pass, so the flags follow the states. */
    void updateCommands() {
        List<TaskState> states = selection.stream().map(TaskModel::state).toList();
        canPause.set(states.stream().anyMatch(TaskState::isActive));
        canResume.set(states.stream().anyMatch(s -> s == TaskState.PAUSED));
        canCancel.set(states.stream().anyMatch(SelectionViewModel::canBeCancelled));
        canRetry.set(states.stream().anyMatch(SelectionViewModel::canBeRetried));
        canRemove.set(!states.isEmpty());
        TaskModel single = selection.size() == 1 ? selection.getFirst() : null;
        focused.set(selection.isEmpty() ? null : selection.getFirst());
        // Enabled when there should be something to open: if it has gone, the command says so.
        canOpenFile.set(single != null && expectedFile(single.record()).isPresent());
        canOpenFolder.set(single != null && expectedFolder(single.record()).isPresent());
        canGiveCredentials.set(single != null && single.state() == TaskState.NEEDS_CREDENTIALS);
        canLimitSpeed.set(states.stream().anyMatch(SelectionViewModel::canBeLimited));
        canRefreshLink.set(selection.stream().anyMatch(SelectionViewModel::canRefreshLink));
        canPauseAll.set(list.anyActive());
        canResumeAll.set(list.anyPaused());
    }

    private static boolean canBeCancelled(TaskState state) {
        return state.isActive() || state == TaskState.PAUSED || state == TaskState.NEEDS_CREDENTIALS;
    }

    private static boolean canBeRetried(TaskState state) {
        return state == TaskState.FAILED || state == TaskState.CANCELLED;
    }

    /** A finished task has nothing left to limit; any other may still move (a retry keeps its limit). */
    private static boolean canBeLimited(TaskState state) {
        return state != TaskState.COMPLETED;
    }

    /** The file a finished download (or any upload) should have on disk, whether or not it is still there. */
    private static Optional<Path> expectedFile(TaskRecord record) {
        if (record.direction() == Direction.DOWNLOAD && record.state() != TaskState.COMPLETED) {
            return Optional.empty();
        }
        return TaskModel.localFile(record);
    }

    private static Optional<Path> expectedFolder(TaskRecord record) {
        Optional<Path> folder = TaskModel.localFile(record).map(Path::toAbsolutePath).map(Path::getParent);
        if (folder.isEmpty() && record.spec() instanceof DownloadSpec download) {
            folder = Optional.of(download.directory());
        }
        return folder;
    }

    // ---------------------------------------------------------------- commands (FX thread)

    public void pauseSelected() {
        inBackground(TaskState::isActive, bulk::pause);
    }

    public void resumeSelected() {
        inBackground(s -> s == TaskState.PAUSED, bulk::resume);
    }

    public void cancelSelected() {
        inBackground(SelectionViewModel::canBeCancelled, bulk::cancel);
    }

    public void retrySelected() {
        inBackground(SelectionViewModel::canBeRetried, bulk::resume);
    }

    /**
     * "Refresh link": the selected downloads whose link expired wait for the browser to hand the
     * same file over again (see {@link LinkRefreshes}); the user is told to open its page.
     */
    public void refreshLinkSelected() {
        List<TaskModel> expired = selection.stream().filter(SelectionViewModel::canRefreshLink).toList();
        expired.forEach(task -> refreshes.await(task.id()));
        if (!expired.isEmpty()) {
            TaskRecord first = expired.getFirst().record();
            // A task a browser handed over knows its page: the user need not remember where it was.
            URI page = first.spec() instanceof DownloadSpec spec ? spec.fromPage() : null;
            messages.show(UserMessage.info(page == null ? i18n.get("msg.refreshLink", first.name())
                    : i18n.get("msg.refreshLinkPage", first.name(), page.toString())));
        }
    }

    /** A download that stopped and is not done: its link may have expired (403, 410) or the page may give a newer one. */
    private static boolean canRefreshLink(TaskModel task) {
        return task.record().spec() instanceof DownloadSpec && task.state().isResumable();
    }

    public ReadOnlyBooleanProperty canRefreshLinkProperty() {
        return canRefreshLink.getReadOnlyProperty();
    }

    /** Space: pauses the selection if anything in it moves, else resumes what is paused or stopped. */
    public void toggleSelected() {
        if (canPause.get()) {
            pauseSelected();
        } else if (canResume.get() || canRetry.get()) {
            inBackground(TaskState::isResumable, bulk::resume);
        }
    }

    /** Pauses every queued or running task, in the background: 10,000 of them never freeze the window. */
    public void pauseAll() {
        writes.submit(() -> {
            bulk.pauseAll();
            return null;
        }, done -> { });
    }

    /** Resumes every paused task, in the background. */
    public void resumeAll() {
        writes.submit(() -> {
            bulk.resumeAll();
            return null;
        }, done -> { });
    }

    /** Removes the selection, keeping or deleting the downloaded files; a line per file that could not be deleted. */
    public void removeSelected(boolean deleteFiles) {
        // Read on the FX thread: the rows belong to it.
        List<TaskId> chosen = selection.stream().map(TaskModel::id).toList();
        writes.submit(() -> bulk.remove(chosen, deleteFiles), problems -> {
            if (!problems.isEmpty()) {
                ProblemText text = new ProblemText(i18n);
                messages.show(UserMessage.error(i18n.get("msg.removeFailed") + "\n• "
                        + String.join("\n• ", problems.stream().map(text::file).toList())));
            }
        });
    }

    /** Answers a 401 challenge of this task; the password stays in memory. */
    public void provideCredentials(TaskModel model, String user, String password) {
        Credentials credentials = new Credentials(user, password);
        TaskId id = model.id();
        writes.submit(() -> {
            bulk.provideCredentials(id, credentials);
            return null;
        }, done -> { });
    }

    /**
     * Limits each selected task that may still move (bytes per second, 0 for none). Like the
     * engine, the limit lives in memory only: it is gone after a restart.
     */
    public void limitSelected(long bytesPerSecond) {
        limit(List.copyOf(selection), bytesPerSecond);
    }

    /** Limits these tasks: the ones selected when a dialog opened (one removed meanwhile is skipped by the engine). */
    public void limit(List<TaskModel> models, long bytesPerSecond) {
        for (TaskModel model : models) {
            if (canBeLimited(model.state())) {
                queue.setTaskLimit(model.id(), bytesPerSecond);
                model.setSpeedLimit(bytesPerSecond);
            }
        }
    }

    /** Open / Enter / double click: opens the file, or says why it cannot and what to do. */
    public void openFile() {
        TaskModel model = focused.get();
        if (model == null) {
            return;
        }
        Optional<Path> file = expectedFile(model.record());
        if (file.isEmpty()) {
            messages.show(UserMessage.info(i18n.get("msg.notFinished", model.name())));
        } else if (!Files.isRegularFile(file.get())) {
            messages.show(UserMessage.error(i18n.get(model.record().direction() == Direction.DOWNLOAD
                    ? "msg.fileGone" : "msg.uploadFileGone", file.get())));
        } else if (!opener.open(file.get())) {
            messages.show(UserMessage.warning(i18n.get("msg.noApplication", file.get().getFileName())));
        }
    }

    /** Show in folder: opens the folder, or says it has gone. */
    public void openFolder() {
        TaskModel model = focused.get();
        Optional<Path> folder = model == null ? Optional.empty() : expectedFolder(model.record());
        if (folder.isEmpty()) {
            return;
        }
        if (!Files.isDirectory(folder.get())) {
            messages.show(UserMessage.error(i18n.get("msg.folderGone", folder.get())));
        } else if (!opener.open(folder.get())) {
            messages.show(UserMessage.warning(i18n.get("msg.cannotOpen", folder.get())));
        }
    }

    /** The selected tasks in a state the command applies to, handed to the background thread. */
    private void inBackground(Predicate<TaskState> applies, Consumer<List<TaskId>> command) {
        List<TaskId> ids = selection.stream().filter(m -> applies.test(m.state())).map(TaskModel::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        writes.submit(() -> {
            command.accept(ids);
            return null;
        }, done -> { });
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<TaskModel> selection() {
        return FXCollections.unmodifiableObservableList(selection);
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRemoveProperty() {
        return canRemove.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canOpenFileProperty() {
        return canOpenFile.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canOpenFolderProperty() {
        return canOpenFolder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGiveCredentialsProperty() {
        return canGiveCredentials.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canLimitSpeedProperty() {
        return canLimitSpeed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseAllProperty() {
        return canPauseAll.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeAllProperty() {
        return canResumeAll.getReadOnlyProperty();
    }

    /** The first selected task: the one the details pane shows. */
    public ReadOnlyObjectProperty<TaskModel> focusedProperty() {
        return focused.getReadOnlyProperty();
    }
}
