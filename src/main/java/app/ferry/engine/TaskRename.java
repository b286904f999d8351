package app.ferry.engine;

import app.ferry.engine.http.SafeFileName;
import app.ferry.engine.http.UniqueFiles;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renaming a download: before it completes, the name it will be saved under; after, its file on
 * disk, moved with {@link UniqueFiles#moveIntoPlace} (a hard link then an unlink), so an existing
 * file is never replaced: a taken name becomes {@code name (1).ext}.
 */
final class TaskRename {

    private TaskRename() {
    }

    static String rename(TaskRuntime runtime, String requested, TaskSaver saver) throws IOException {
        if (runtime.record().direction() != Direction.DOWNLOAD) {
            throw new InputRefused(new Problem(Problem.Code.RENAME_UPLOAD, List.of(),
                    "Only a download can be renamed: an upload sends the file under its own name", false));
        }
        String name = safeName(requested);
        TaskRecord record = runtime.record();
        if (name.equals(record.name())) {
            return name;
        }
        if (record.state() == TaskState.COMPLETED) {
            Path current = record.download().finalFile();
            if (current == null || !Files.isRegularFile(current)) {
                String file = String.valueOf(current == null ? record.name() : current);
                throw new TransferFailure.Fatal(new Problem(Problem.Code.RENAME_FILE_GONE, List.of(file), "The file " + file
                        + " is no longer there: it was moved or deleted, so it cannot be renamed", false));
            }
            Path dir = current.toAbsolutePath().getParent();
            Path moved = UniqueFiles.moveIntoPlace(current, dir, name);
            // The record about to name the new file is saved only once its directory entry is on disk.
            AtomicFiles.fsyncDirectory(dir);
            String finalName = moved.getFileName().toString();
            runtime.update(r -> r.withChosenName(finalName).withDownload(r.download().withFinalFile(moved)));
            runtime.note(HistoryEvent.Kind.NOTE, -1, new Problem(Problem.Code.RENAMED, List.of(moved.toString()),
                    "Renamed to " + moved, false));
        } else {
            runtime.update(r -> r.withChosenName(name));
            runtime.note(HistoryEvent.Kind.NOTE, -1, new Problem(Problem.Code.SAVE_AS, List.of(name),
                    "To be saved as " + name, false));
        }
        saver.save(runtime, runtime.record(), true);
        return runtime.record().name();
    }

    /** The name as typed, if it is one: no folder in it, nothing the file systems refuse. */
    private static String safeName(String requested) {
        String trimmed = requested == null ? "" : requested.strip();
        if (trimmed.indexOf('/') >= 0 || trimmed.indexOf('\\') >= 0) {
            throw new InputRefused(new Problem(Problem.Code.NAME_WITH_FOLDER, List.of(trimmed),
                    "A file name cannot contain / or \\: \"" + trimmed + "\"", false));
        }
        return SafeFileName.sanitize(trimmed).orElseThrow(() -> new InputRefused(new Problem(Problem.Code.NAME_UNUSABLE,
                List.of(trimmed), "\"" + trimmed + "\" is not a usable file name: type a name such as report.pdf", false)));
    }
}
