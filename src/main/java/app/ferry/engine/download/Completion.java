package app.ferry.engine.download;

import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.AtomicFiles;
import app.ferry.engine.ByteRange;
import app.ferry.engine.DownloadProgress;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.http.UniqueFiles;
import app.ferry.engine.transfer.Outcome;
import app.ferry.engine.transfer.TransferContext;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * The end of every download, however its bytes came (one connection, several, or none because
 * the last attempt had them all): fsync the data, check it, move it into place. The folder is
 * synced by the store with the record that claims the file (TaskStore#save).
 */
final class Completion {

    private Completion() {
    }

    /**
     * The record that claims the finished file is saved by the queue's transition to COMPLETED:
     * one state write, not three, which is most of the cost of a small file.
     */
    static Outcome complete(DownloadSpec spec, TransferContext context, FileChannel channel, long length)
            throws IOException {
        channel.force(false);
        context.update(r -> r.withDownload(r.download().withPrefix(length)));
        DownloadProgress progress = context.record().download();
        if (progress.totalBytes() < 0) {
            context.update(r -> r.withDownload(progress.withTotal(length).withCompleted(List.of(new ByteRange(0, length)))));
            context.setTotalBytes(length);
        }
        if (spec.sha256() != null) {
            String actual = Sha256.of(channel, length);
            if (!actual.equals(spec.sha256())) {
                context.checkpoint();
                throw new TransferFailure.Fatal(Phrases.checksumMismatch(spec.sha256(), actual, progress.partialFile()));
            }
        }
        Path finalFile = UniqueFiles.moveIntoPlace(progress.partialFile(), spec.directory(), context.record().name());
        // The state about to say COMPLETED names this file, so its directory entry must be on
        // disk first (the download folder may be on another file system than the state). The
        // store syncs the folder before writing that record, once for every file of the batch,
        // rather than here once per file, in series with the data's flush and the journal's.
        context.update(r -> r.withName(finalFile.getFileName().toString())
                .withDownload(r.download().withFinalFile(finalFile)));
        context.note(HistoryEvent.Kind.COMPLETED, length, Phrases.savedAs(finalFile));
        return new Outcome.Completed();
    }
}
