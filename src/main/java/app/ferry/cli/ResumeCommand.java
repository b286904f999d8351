package app.ferry.cli;

import app.ferry.engine.AppDirs;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "resume", mixinStandardHelpOptions = true, versionProvider = FerryVersion.class, description = "Continue every unfinished task of a state directory (cancelled ones stay cancelled).")
final class ResumeCommand implements Callable<Integer> {

    @Mixin
    StateOptions state;

    @Mixin
    RetryOptions retry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Problems problems = new Problems();
        Optional<EngineConfig> config = problems.check(() -> retry.apply(EngineConfig.defaults()));
        if (!problems.isEmpty()) {
            return problems.report(err);
        }
        try (QueueSession session = QueueSession.open(state.directory(AppDirs.forCurrentUser()), config.orElseThrow(),
                out, err)) {
            if (session == null) {
                return ExitCode.STATE_UNAVAILABLE;
            }
            Set<TaskId> tracked = new LinkedHashSet<>(session.restoredActive());
            for (TaskSnapshot task : session.queue().snapshots()) {
                if (task.state().isResumable()) {
                    session.queue().resume(task.id());
                    tracked.add(task.id());
                }
            }
            if (tracked.isEmpty()) {
                err.println("Nothing to resume.");
                return ExitCode.OK;
            }
            return session.await(tracked);
        }
    }
}
