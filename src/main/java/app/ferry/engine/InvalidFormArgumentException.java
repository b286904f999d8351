package app.ferry.engine;

/** A curl-style {@code -F} argument that cannot be used; the message says why and shows the right form. */
public final class InvalidFormArgumentException extends IllegalArgumentException {

    private final String argument;

    InvalidFormArgumentException(String argument, String problem) {
        super("-F \"" + argument + "\": " + problem);
        this.argument = argument;
    }

    InvalidFormArgumentException(String argument, String problem, Throwable cause) {
        super("-F \"" + argument + "\": " + problem, cause);
        this.argument = argument;
    }

    /** The argument as the user gave it. */
    public String argument() {
        return argument;
    }
}
