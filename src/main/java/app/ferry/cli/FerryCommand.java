package app.ferry.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "ferry",
        mixinStandardHelpOptions = true,
        versionProvider = FerryVersion.class,
        description = {
            "Ferry downloads and uploads files over HTTP and never corrupts or loses them.",
            "Run without arguments to open the window."
        },
        subcommands = {GetCommand.class, PutCommand.class, PostCommand.class, ListCommand.class, ResumeCommand.class},
        footer = {"", "Exit codes: 0 all done, 1 a transfer failed, 2 bad command line, 3 state directory unavailable,",
            "130 interrupted (transfers paused; run the command again to continue)."})
final class FerryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: name one of the commands listed below.");
    }
}
