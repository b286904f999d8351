package app.ferry.cli;

import app.ferry.engine.AppDirs;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.Options;

/** {@code ferry resume}. */
final class ResumeCommand implements CliCommand {

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String operands() {
        return "";
    }

    @Override
    public String summary() {
        return "Continue every unfinished task of a state directory.";
    }

    @Override
    public List<String> description() {
        return List.of("Continue every unfinished task of a state directory (cancelled ones stay cancelled).");
    }

    @Override
    public void addOptions(Options options) {
        StateOptions.addTo(options);
        RetryOptions.addTo(options);
        ProxyOptions.addTo(options);
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException {
        Problems problems = new Problems();
        if (!arguments.operands().isEmpty()) {
            problems.add("resume takes no arguments, not " + String.join(" ", arguments.operands()));
        }
        Optional<EngineConfig> config = problems.check(() -> ProxyOptions.of(arguments).apply(
                RetryOptions.of(arguments).apply(EngineConfig.defaults())));
        Optional<Path> stateDir = problems.check(() -> StateOptions.of(arguments).directory(AppDirs.forCurrentUser()));
        if (!problems.isEmpty()) {
            return problems.report(err);
        }
        try (QueueSession session = QueueSession.open(stateDir.orElseThrow(), config.orElseThrow(),
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
