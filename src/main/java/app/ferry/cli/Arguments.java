package app.ferry.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * A parsed command line: option values by long name, and the operands in order. Values stay text
 * until a command reads them, so that a malformed number becomes one of its {@link Problems}.
 */
final class Arguments {

    private final CommandLine line;

    Arguments(CommandLine line) {
        this.line = line;
    }

    /** The first option given more than once that may not be, by long name. */
    Optional<String> repeated(Set<String> repeatable) {
        Set<String> seen = new HashSet<>();
        for (Option option : line.getOptions()) {
            String name = option.getLongOpt();
            if (!seen.add(name) && !repeatable.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    List<String> operands() {
        return line.getArgList();
    }

    boolean has(String longName) {
        return line.hasOption(longName);
    }

    /** The option's value, or null when it was not given; the last one when it was given twice. */
    String value(String longName) {
        String[] values = line.getOptionValues(longName);
        return values == null || values.length == 0 ? null : values[values.length - 1];
    }

    String value(String longName, String absent) {
        String value = value(longName);
        return value == null ? absent : value;
    }

    /** Every value of a repeatable option, in order. */
    List<String> values(String longName) {
        String[] values = line.getOptionValues(longName);
        return values == null ? List.of() : List.of(values);
    }

    /** @throws IllegalArgumentException naming the option, for the user */
    static int wholeNumber(String option, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not \"" + text + "\"");
        }
    }

    /** @throws IllegalArgumentException naming the option, for the user */
    static double number(String option, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number such as 1 or 0.5, not \"" + text + "\"");
        }
    }
}
