package app.ferry.cli;

import app.ferry.engine.Credentials;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.UploadSpec;
import app.ferry.engine.request.RequestOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Runs upload specs through the queue the way {@code ferry get} runs downloads. */
final class UploadRunner {

    private UploadRunner() {
    }

    /** Checks a local file before anything starts. */
    static void checkFile(Path file, Problems problems) {
        if (!Files.exists(file)) {
            problems.add(file + ": no such file");
        } else if (Files.isDirectory(file)) {
            problems.add(file + " is a folder: upload the files in it one by one");
        } else if (!Files.isReadable(file)) {
            problems.add(file + " cannot be read: check its permissions");
        }
    }

    /** @param givesRequest the command line gives request options: they replace those of a task run again */
    static int run(UploadSpec spec, Credentials credentials, boolean givesRequest, TransferOptions.Checked options,
                   boolean printResponse, PrintWriter out, PrintWriter err) throws java.io.IOException {
        try (QueueSession session = QueueSession.open(options.stateDir(), options.config(), out, err)) {
            if (session == null) {
                return ExitCode.STATE_UNAVAILABLE;
            }
            Set<TaskId> tracked = new LinkedHashSet<>(session.restoredActive());
            TaskId id = existing(session, spec).orElse(null);
            if (id != null) {
                Continuation.resume(session, id, givesRequest ? spec.request() : null, credentials, err);
            } else {
                id = session.queue().add(spec, credentials);
            }
            session.queue().setTaskLimit(id, options.taskLimit());
            tracked.add(id);
            int code = session.await(tracked);
            if (printResponse) {
                session.queue().snapshot(id).map(s -> s.record().response())
                        .filter(r -> r.body() != null)
                        .ifPresent(r -> {
                            out.println(TerminalText.safeLines(r.body()));
                            out.flush();
                        });
            }
            return code;
        }
    }

    /**
     * The unfinished task for the very same upload, which re-running the command continues: the
     * same files to the same place, whatever request options it had (new ones replace them).
     */
    private static Optional<TaskId> existing(QueueSession session, UploadSpec spec) {
        UploadSpec plain = spec.withRequest(RequestOptions.NONE);
        // Unfinished or failed: a completed upload is sent again, a cancelled one stays cancelled.
        return session.queue().snapshots().stream()
                .filter(s -> s.record().spec().withRequest(RequestOptions.NONE).equals(plain))
                .filter(s -> !s.state().isFinished() || s.state() == app.ferry.engine.TaskState.FAILED)
                .map(TaskSnapshot::id)
                .findFirst();
    }
}
