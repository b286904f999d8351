package app.ferry.cli;

import picocli.CommandLine;

/** Runs the headless command line and returns the process exit code. */
public final class FerryCli {

    private FerryCli() {
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new FerryCommand())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
