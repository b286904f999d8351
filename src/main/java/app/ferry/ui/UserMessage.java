package app.ferry.ui;

import app.ferry.engine.TaskId;
import app.ferry.engine.TaskState;

/**
 * A non-modal message for the user, shown in the message area below the toolbar until dismissed.
 *
 * @param task the task it speaks of, or null; with {@code whileState} the message is only true
 *     while that task is in that state ("needs a user name and password" is gone once it runs)
 * @param whileState the state in which the message stays true, or null for "until dismissed"
 */
public record UserMessage(Kind kind, String text, TaskId task, TaskState whileState) {

    public enum Kind { INFO, WARNING, ERROR }

    public UserMessage(Kind kind, String text) {
        this(kind, text, null, null);
    }

    public static UserMessage info(String text) {
        return new UserMessage(Kind.INFO, text);
    }

    public static UserMessage warning(String text) {
        return new UserMessage(Kind.WARNING, text);
    }

    public static UserMessage error(String text) {
        return new UserMessage(Kind.ERROR, text);
    }

    /** A message about {@code task} that is untrue as soon as the task leaves {@code state}. */
    public static UserMessage aboutTask(Kind kind, String text, TaskId task, TaskState state) {
        return new UserMessage(kind, text, task, state);
    }
}
