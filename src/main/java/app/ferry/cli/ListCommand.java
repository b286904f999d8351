package app.ferry.cli;

import app.ferry.engine.AppDirs;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.store.TaskStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = FerryVersion.class, description = "Print the tasks in a state directory (works while another ferry runs on it).")
final class ListCommand implements Callable<Integer> {

    @Mixin
    StateOptions state;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TaskStore.Loaded loaded = TaskStore.readOnly(state.directory(AppDirs.forCurrentUser()));
        loaded.problems().forEach(p -> err.println("ferry: " + p));
        if (loaded.records().isEmpty()) {
            err.println("No tasks in " + state.directory(AppDirs.forCurrentUser()));
        }
        for (TaskRecord task : loaded.records()) {
            long total = task.totalBytes();
            String size = Formats.bytes(task.durableBytes()) + " / " + Formats.bytes(total);
            out.printf(Locale.ROOT, "%-8s  %-17s  %-23s  %s  %s%n", task.id().shortForm(),
                    task.state().name().toLowerCase(Locale.ROOT), size, task.name(), task.spec().url());
            if (task.message() != null) {
                out.println("          " + task.message());
            }
        }
        out.flush();
        return loaded.problems().isEmpty() ? ExitCode.OK : ExitCode.TRANSFER_FAILED;
    }
}
