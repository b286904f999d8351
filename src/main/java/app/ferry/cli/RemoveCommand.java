package app.ferry.cli;

import app.ferry.engine.AppDirs;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.RemovedFiles;
import app.ferry.engine.StateDirectoryInUseException;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.UrlNormalizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.Options;

/**
 * {@code ferry remove ID|URL...}: drops tasks from the queue, with their saved secrets. Files stay
 * where they are unless {@code --delete-partial} asks for an unfinished download's partial file
 * to go too; a finished file is never deleted from here (it is the user's now).
 */
final class RemoveCommand implements CliCommand {

    @Override
    public String name() {
        return "remove";
    }

    @Override
    public String operands() {
        return "ID|URL...";
    }

    @Override
    public String summary() {
        return "Remove tasks from the list (by the ID ferry list shows, or URL); files are kept.";
    }

    @Override
    public List<String> description() {
        return List.of("Remove tasks from the list, with their saved cookies and secret headers. ID: the first",
                "characters of the ID ferry list shows (enough to name one task); URL: the task's URL.",
                "Files stay on disk: a partial file is deleted only with --delete-partial, a finished file never.");
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(CliOptions.flag(null, "delete-partial",
                "Also delete the partial file of an unfinished download."));
        StateOptions.addTo(options);
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException {
        Problems problems = new Problems();
        List<String> names = arguments.operands();
        if (names.isEmpty()) {
            problems.add("remove needs the ID or URL of a task, e.g. ferry remove 3f2a9c1e (ferry list shows the IDs)");
        }
        Optional<Path> stateDir = problems.check(() -> StateOptions.of(arguments).directory(AppDirs.forCurrentUser()));
        if (!problems.isEmpty()) {
            return problems.report(err);
        }
        Path state = stateDir.orElseThrow();
        if (!Files.isDirectory(state)) {
            err.println("ferry: there are no tasks in " + TerminalText.safe(state) + " (no such folder); ferry list shows the tasks");
            return ExitCode.USAGE;
        }
        TransferQueue queue;
        try {
            // Not started again by this command: one only removes, so whatever was interrupted waits, paused.
            queue = TransferQueue.open(state, EngineConfig.defaults().withAutoResume(false));
        } catch (StateDirectoryInUseException e) {
            err.println("ferry: " + TerminalText.safe(e.getMessage()) + " Tasks can be removed only while no ferry or"
                    + " window runs on it: stop it first (Ctrl+C pauses and saves), or remove them in the window.");
            return ExitCode.STATE_UNAVAILABLE;
        } catch (IOException e) {
            err.println("ferry: " + TerminalText.safe(QueueSession.stateDirectoryProblem(state, e)));
            return ExitCode.STATE_UNAVAILABLE;
        }
        try (queue) {
            queue.restoreProblems().forEach(p -> err.println("ferry: " + TerminalText.safe(p)));
            Map<TaskId, TaskSnapshot> chosen = new LinkedHashMap<>();
            List<TaskSnapshot> tasks = queue.snapshots();
            for (String name : names) {
                problems.check(() -> matching(name, tasks)).ifPresent(task -> chosen.put(task.id(), task));
            }
            // All or nothing: a typo in one name removes none, so nothing goes that was not meant to.
            if (!problems.isEmpty()) {
                return problems.report(err);
            }
            boolean deletePartial = arguments.has("delete-partial");
            List<TaskId> withPartial = new ArrayList<>();
            List<TaskId> keepingFiles = new ArrayList<>();
            for (TaskSnapshot task : chosen.values()) {
                (deletePartial && task.state() != TaskState.COMPLETED ? withPartial : keepingFiles).add(task.id());
            }
            queue.remove(keepingFiles, RemovedFiles.KEEP);
            // PARTIAL, not ALL: a record that is not COMPLETED may still name a finished file.
            queue.remove(withPartial, RemovedFiles.PARTIAL);
            for (TaskSnapshot task : chosen.values()) {
                out.println("removed " + task.id().shortForm() + "  " + TerminalText.safe(task.name()) + filesNote(task, deletePartial));
            }
            return ExitCode.OK;
        }
    }

    /** What became of the task's files. */
    private static String filesNote(TaskSnapshot task, boolean deletePartial) {
        var download = task.record().download();
        if (download == null) {
            return "";
        }
        if (task.state() == TaskState.COMPLETED) {
            return download.finalFile() == null ? "" : " (its file is kept: " + TerminalText.safe(download.finalFile()) + ")";
        }
        Path partial = download.partialFile();
        if (partial == null) {
            return "";
        }
        return deletePartial ? " (deleted its partial file " + TerminalText.safe(partial) + ")"
                : Files.exists(partial) ? " (its partial file is kept: " + TerminalText.safe(partial) + ")" : "";
    }

    /**
     * The one task {@code name} names: an ID or the start of one (as {@code ferry list} shows it),
     * or a task's URL.
     *
     * @throws IllegalArgumentException naming none, or more than one
     */
    static TaskSnapshot matching(String name, List<TaskSnapshot> tasks) {
        boolean url = name.contains("://");
        List<TaskSnapshot> found;
        // What the messages quote: never a password the user typed in a URL's user-info. An ID
        // has no '@', so a name with one is a URL typed without its scheme: read as an authority.
        String shown = UrlNormalizer.withoutPassword("//" + name).substring(2);
        if (url) {
            String normalized = UrlNormalizer.normalize(name).uri().toString();
            shown = normalized;
            found = tasks.stream().filter(t -> t.record().spec().url().equals(normalized)).toList();
        } else {
            String prefix = name.toLowerCase(Locale.ROOT);
            found = prefix.length() < 4 ? List.of()
                    : tasks.stream().filter(t -> t.id().value().toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
            if (prefix.length() < 4 && !prefix.isEmpty()) {
                throw new IllegalArgumentException("\"" + shown + "\" is too short to name a task: give at least 4 characters"
                        + " of its ID (ferry list shows them)");
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no task " + (url ? "for " : "with the ID ") + shown
                    + " in this state directory; ferry list shows the tasks and their IDs");
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException(shown + " names " + found.size() + " tasks ("
                    + String.join(", ", found.stream().map(t -> t.id().shortForm()).toList())
                    + "); give the ID of the one to remove");
        }
        return found.getFirst();
    }
}
