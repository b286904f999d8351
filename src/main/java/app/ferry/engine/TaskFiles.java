package app.ferry.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** Deletes what a download left on disk; only ever on the user's explicit request to remove it with its files. */
final class TaskFiles {

    private TaskFiles() {
    }

    /**
     * Deletes the files of every record; one that fails does not stop the others. The first
     * failure is thrown once all were tried, the rest attached to it.
     */
    static void deleteAll(List<TaskRecord> records, RemovedFiles which) throws IOException {
        IOException failure = null;
        for (TaskRecord record : records) {
            try {
                delete(record, which);
            } catch (IOException e) {
                // Named for the task: the caller reports every failure of a batch, one line each.
                IOException named = new IOException(record.name() + ": " + e.getMessage(), e);
                if (failure == null) {
                    failure = named;
                } else {
                    failure.addSuppressed(named);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Deletes the record's files that {@code which} names; {@link RemovedFiles#PARTIAL} never touches the finished file. */
    static void delete(TaskRecord record, RemovedFiles which) throws IOException {
        DownloadProgress download = record.download();
        if (download != null && which != RemovedFiles.KEEP) {
            if (download.partialFile() != null) {
                Files.deleteIfExists(download.partialFile());
            }
            if (which == RemovedFiles.ALL && download.finalFile() != null) {
                Files.deleteIfExists(download.finalFile());
            }
        }
    }
}
