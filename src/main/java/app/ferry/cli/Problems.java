package app.ferry.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What is wrong with a command line, collected so that every mistake is named at once, each on
 * its own {@code ferry: …} line, before anything starts.
 */
final class Problems {

    private final List<String> messages = new ArrayList<>();

    void add(String message) {
        messages.add(message);
    }

    /**
     * The value, or empty with the reason recorded: the engine's parsers and records say what is
     * wrong with an argument by throwing {@link IllegalArgumentException} with a message for the user.
     */
    <T> Optional<T> check(Supplier<T> value) {
        try {
            return Optional.of(value.get());
        } catch (IllegalArgumentException e) {
            messages.add(e.getMessage());
            return Optional.empty();
        }
    }

    /** How many problems were found so far. */
    int size() {
        return messages.size();
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Prints every problem and returns the exit code of a bad command line. */
    int report(PrintWriter err) {
        messages.forEach(p -> err.println("ferry: " + TerminalText.safe(p)));
        return ExitCode.USAGE;
    }
}
