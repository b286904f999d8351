package app.ferry.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The one message the window shows in its notification bar, written by every feature view-model.
 * FX thread only, like every view-model but {@link QueueWrites}' background side.
 */
public final class Messages {

    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>(this, "message");

    /** FX thread. */
    public void show(UserMessage userMessage) {
        message.set(userMessage);
    }

    /** FX thread. */
    public void clear() {
        message.set(null);
    }

    /** The message shown, or null. */
    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }
}
