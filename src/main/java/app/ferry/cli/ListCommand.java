package app.ferry.cli;

import app.ferry.engine.AppDirs;
import app.ferry.engine.SavedTasks;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.Options;

/** {@code ferry list}. */
final class ListCommand implements CliCommand {

    private static String stateWord(TaskState state, boolean held) {
        return state == TaskState.RUNNING && !held ? "interrupted" : state.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String operands() {
        return "";
    }

    @Override
    public String summary() {
        return "Print the tasks in a state directory (works while another ferry runs on it).";
    }

    @Override
    public List<String> description() {
        return List.of("Print the tasks in a state directory (works while another ferry runs on it).");
    }

    @Override
    public void addOptions(Options options) {
        StateOptions.addTo(options);
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException {
        Problems problems = new Problems();
        if (!arguments.operands().isEmpty()) {
            problems.add("list takes no arguments, not " + String.join(" ", arguments.operands()));
        }
        Optional<Path> stateDir = problems.check(() -> StateOptions.of(arguments).directory(AppDirs.forCurrentUser()));
        if (!problems.isEmpty()) {
            return problems.report(err);
        }
        Path state = stateDir.orElseThrow();
        SavedTasks loaded = SavedTasks.read(state);
        // A task saved as running whose process is gone was interrupted (killed, crashed, power cut):
        // it continues with the next ferry run on this directory, which is what the user must know.
        boolean held = loaded.heldByALiveProcess();
        loaded.problems().forEach(p -> err.println("ferry: " + TerminalText.safe(p)));
        if (loaded.records().isEmpty()) {
            err.println("No tasks in " + TerminalText.safe(state));
        }
        for (TaskRecord task : loaded.records()) {
            long total = task.totalBytes();
            String size = Formats.bytes(task.durableBytes()) + " / " + Formats.bytes(total);
            out.printf(Locale.ROOT, "%-8s  %-17s  %-23s  %s  %s%n", task.id().shortForm(),
                    stateWord(task.state(), held), size, TerminalText.safe(task.name()), TerminalText.safe(task.spec().url()));
            if (task.message() != null) {
                out.println("          " + TerminalText.safe(task.message()));
            }
        }
        if (!held && loaded.records().stream().anyMatch(t -> t.state() == TaskState.RUNNING)) {
            err.println("Interrupted tasks continue with the next ferry run on this state directory (ferry resume).");
        }
        out.flush();
        return loaded.problems().isEmpty() ? ExitCode.OK : ExitCode.TRANSFER_FAILED;
    }
}
