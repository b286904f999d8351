package app.ferry.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Runs the headless command line and returns the process exit code. */
public final class FerryCli {

    private FerryCli() {
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs with the given output streams instead of the process's: for embedding and tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new FerryCommand())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
