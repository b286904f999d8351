package app.ferry.cli;

import app.ferry.engine.AppDirs;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state DIR}, shared by every command that touches the queue. */
final class StateOptions {

    @Option(names = "--state", paramLabel = "DIR",
            description = "Directory of the task state (default: ${DEFAULT-VALUE} under Ferry's data folder).",
            defaultValue = "cli")
    String state;

    Path directory(AppDirs dirs) {
        return state.equals("cli") ? dirs.cliStateDir() : Path.of(state);
    }
}
