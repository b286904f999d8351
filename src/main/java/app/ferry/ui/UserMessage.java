package app.ferry.ui;

/** A non-modal message for the user: shown in the notification bar above the table. */
public record UserMessage(Kind kind, String text) {

    public enum Kind { INFO, WARNING, ERROR }

    public static UserMessage info(String text) {
        return new UserMessage(Kind.INFO, text);
    }

    public static UserMessage warning(String text) {
        return new UserMessage(Kind.WARNING, text);
    }

    public static UserMessage error(String text) {
        return new UserMessage(Kind.ERROR, text);
    }
}
