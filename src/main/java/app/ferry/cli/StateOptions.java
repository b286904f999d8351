package app.ferry.cli;

import app.ferry.engine.AppDirs;
import java.nio.file.Path;
import org.apache.commons.cli.Options;

/** {@code --state DIR}, shared by every command that touches the queue. */
record StateOptions(String state) {

    static void addTo(Options options) {
        options.addOption(CliOptions.valued(null, "state", "DIR",
                "Directory of the task state (default: the folder cli in Ferry's data folder, e.g. ~/.local/share/ferry/cli)."));
    }

    static StateOptions of(Arguments arguments) {
        return new StateOptions(arguments.value("state"));
    }

    /** @throws IllegalArgumentException for a path the platform cannot name */
    Path directory(AppDirs dirs) {
        return state == null ? dirs.cliStateDir() : Path.of(state);
    }
}
