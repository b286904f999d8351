package app.ferry.ui;

import app.ferry.engine.TaskId;
import app.ferry.engine.TaskState;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What happened, written by every feature view-model and shown in the window's message area. A
 * message stays until the user dismisses it (an information fades after a while) or, for a
 * message about a task, until the task's state makes it untrue: a new message never replaces an
 * older one the user has not read. FX thread only, like every view-model but {@link QueueWrites}'
 * background side.
 */
public final class Messages {

    /** Beyond this the oldest are dropped: a day of pastes must not grow the area forever. */
    static final int MAX_KEPT = 50;

    private final ObservableList<UserMessage> shown = FXCollections.observableArrayList();
    /** One view for every reader: a wrapper made per call would be collected with the listeners on it. */
    private final ObservableList<UserMessage> view = FXCollections.unmodifiableObservableList(shown);
    private final ReadOnlyObjectWrapper<UserMessage> latest = new ReadOnlyObjectWrapper<>(this, "message");

    /** FX thread. */
    public void show(UserMessage userMessage) {
        if (userMessage.task() != null) {
            // One message per task and state: a task asking twice is said once.
            shown.removeIf(m -> userMessage.task().equals(m.task()));
        }
        // An equal message again (the same paste twice) moves to the end rather than showing twice.
        shown.remove(userMessage);
        shown.add(userMessage);
        while (shown.size() > MAX_KEPT) {
            shown.removeFirst();
        }
        latest.set(userMessage);
    }

    /** FX thread: the user closed this message. */
    public void dismiss(UserMessage userMessage) {
        shown.remove(userMessage);
        if (userMessage.equals(latest.get())) {
            latest.set(shown.isEmpty() ? null : shown.getLast());
        }
    }

    /** FX thread: every message dismissed. */
    public void clear() {
        shown.clear();
        latest.set(null);
    }

    /**
     * FX thread, after each update pass: drops the messages about tasks that left the state they
     * spoke of, or are gone. {@code stateOf} gives null for a removed task.
     */
    void retireStale(Function<TaskId, TaskState> stateOf) {
        if (shown.stream().noneMatch(m -> m.task() != null)) {
            return;
        }
        for (UserMessage message : java.util.List.copyOf(shown)) {
            if (message.task() != null && message.whileState() != null
                    && stateOf.apply(message.task()) != message.whileState()) {
                dismiss(message);
            }
        }
    }

    /** The messages on screen, oldest first. */
    public ObservableList<UserMessage> shown() {
        return view;
    }

    /** The newest message still shown, or null. */
    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return latest.getReadOnlyProperty();
    }
}
