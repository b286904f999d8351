package app.ferry.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.Options;

/** One command of {@code ferry}: its options, its help, and what it does with them. */
interface CliCommand {

    String name();

    /** What follows the options on the usage line, e.g. {@code URL...}; empty for none. */
    String operands();

    /** One line for the list of commands in {@code ferry --help}. */
    String summary();

    /** The description in the command's own help. */
    List<String> description();

    /** Adds the command's own options; {@code --help} and {@code --version} are everyone's. */
    void addOptions(Options options);

    /** Long names of the options that may be given more than once; any other may not. */
    default Set<String> repeatable() {
        return Set.of();
    }

    /** Runs the command; returns the process exit code ({@link ExitCode}). */
    int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException;
}
