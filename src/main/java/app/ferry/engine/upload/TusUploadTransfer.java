package app.ferry.engine.upload;

import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.TusUploadSpec;
import app.ferry.engine.UploadProgress;
import app.ferry.engine.exchange.RequestBuilder;
import app.ferry.engine.transfer.Outcome;
import app.ferry.engine.transfer.Transfer;
import app.ferry.engine.transfer.TransferContext;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resumable upload over tus 1.0.0. The upload URL and the file's fingerprint are persisted as
 * soon as the server creates the upload, and the offset after every chunk the server
 * acknowledged, so pause, a lost connection, {@code kill -9} and a restart all continue from
 * what the server really has (asked with HEAD each time).
 */
public final class TusUploadTransfer implements Transfer {

    /** One PATCH: large enough that round trips do not matter, small enough to checkpoint often. */
    static final long CHUNK_BYTES = 16L << 20;

    private final TusUploadSpec spec;

    public TusUploadTransfer(TusUploadSpec spec) {
        this.spec = spec;
    }

    @Override
    public Outcome attempt(TransferContext context) throws IOException {
        // TusClient blocks in HttpClient.send, which an interrupt aborts.
        Interrupter interrupter = new Interrupter(Thread.currentThread());
        context.onStop(interrupter);
        try {
            return upload(context, interrupter);
        } catch (InterruptedException e) {
            if (context.stopRequested()) {
                return stopped(context);
            }
            throw new InterruptedIOException("Interrupted");
        } catch (IOException e) {
            if (BodyUploadTransfer.causedByFileChange(e)) {
                throw new TransferFailure.Fatal(BodyUploadTransfer.fileChangedProblem(e), e);
            }
            if (context.stopRequested()) {
                return stopped(context);
            }
            throw e;
        } finally {
            // The queue closes an attempt's resources after it returns too: from now on that must not
            // interrupt this thread, whose next file write (the task's state) would then fail with
            // ClosedByInterruptException. And an interrupt already pending is cleared for the same reason.
            interrupter.disarm();
            Thread.interrupted();
        }
    }

    /**
     * Interrupts the attempt's thread when the task is stopped, but only while it blocks in a tus
     * request: an interrupt that lands during a state write would make that write fail with
     * ClosedByInterruptException and turn a pause into a failure.
     */
    private static final class Interrupter implements AutoCloseable {
        private final Thread worker;
        private boolean armed;

        Interrupter(Thread worker) {
            this.worker = worker;
        }

        @Override
        public synchronized void close() {
            if (armed) {
                worker.interrupt();
            }
        }

        synchronized void arm() {
            armed = true;
        }

        synchronized void disarm() {
            armed = false;
        }

        /** Runs one blocking tus request with the interrupter armed; no interrupt outlives it. */
        <T> T call(TransferContext context, TusCall<T> request) throws IOException, InterruptedException {
            if (context.stopRequested()) {
                throw new InterruptedException("stopped before the request");
            }
            arm();
            try {
                return request.run();
            } finally {
                disarm();
                if (Thread.interrupted() && !context.stopRequested()) {
                    throw new InterruptedException("interrupted");
                }
            }
        }
    }

    @FunctionalInterface
    private interface TusCall<T> {
        T run() throws IOException, InterruptedException;
    }

    private static Outcome stopped(TransferContext context) throws IOException {
        Thread.interrupted();
        context.checkpoint();
        return new Outcome.Stopped();
    }

    private Outcome upload(TransferContext context, Interrupter interrupter) throws IOException, InterruptedException {
        Path file = spec.file();
        BodyUploadTransfer.requireReadableFile(file);
        TusClient tus = new TusClient(context.http(), context::throttledUpload,
                new RequestBuilder(context.credentials(), spec.request()), spec.uri());
        FileFingerprint fingerprint = FileFingerprint.of(file);
        long length = fingerprint.size();
        UploadProgress saved = context.record().upload();

        URI upload = saved.resumeUrl() == null ? null : URI.create(saved.resumeUrl());
        if (upload != null && !fingerprint.equals(saved.fingerprint())) {
            context.note(HistoryEvent.Kind.RESTARTED, 0, Phrases.uploadFileChanged(file));
            upload = null;
        }
        long offset = 0;
        if (upload != null) {
            try {
                URI existing = upload;
                offset = interrupter.call(context, () -> tus.offset(existing));
            } catch (TusException e) {
                if (!e.isExpired()) {
                    throw e;
                }
                context.note(HistoryEvent.Kind.RESTARTED, 0, Phrases.uploadExpired(e.status(), upload,
                        e.getMessage()));
                upload = null;
            }
        }
        if (upload == null) {
            upload = interrupter.call(context, () -> tus.create(spec.uri(), length, metadata(file)));
            offset = 0;
            URI created = upload;
            context.update(r -> r.withUpload(new UploadProgress(length, 0, created.toString(), fingerprint)));
            context.note(HistoryEvent.Kind.STARTED, 0, Phrases.started(created, "Created upload " + created));
            context.checkpoint();
        } else if (offset > 0) {
            context.note(HistoryEvent.Kind.RESUMED, offset, Phrases.resumed(offset));
            context.events().resumed(context.record().id(), offset);
        }
        if (offset > length) {
            throw new TransferFailure.Fatal(Phrases.uploadOffsetBeyond(offset, length));
        }
        context.setTotalBytes(length);
        context.setBytesDone(offset);
        URI target = upload;
        while (offset < length) {
            if (context.stopRequested()) {
                return stopped(context);
            }
            long chunk = Math.min(CHUNK_BYTES, length - offset);
            long from = offset;
            // Only the last PATCH says "waiting for the server": its end is the upload's 100 %. The
            // short waits between chunks would make the state flicker for nothing.
            BodyEnd end = from + chunk == length ? context::awaitingResponse : BodyEnd.NONE;
            try {
                offset = interrupter.call(context, () -> tus.patch(target, file, from, chunk, delta -> {
                    context.addBytesDone(delta);
                    context.touch();
                }, end));
            } finally {
                // The PATCH is answered (or failed): TusClient sends past the queue's send, which clears this.
                context.awaitingResponse(false);
            }
            long confirmed = offset;
            context.setBytesDone(confirmed);
            context.update(r -> r.withUpload(new UploadProgress(length, confirmed, target.toString(), fingerprint)));
            context.checkpoint();
        }
        context.note(HistoryEvent.Kind.COMPLETED, length, Phrases.uploadedTo(target));
        context.checkpoint();
        return new Outcome.Completed();
    }

    private static Map<String, String> metadata(Path file) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("filename", file.getFileName().toString());
        metadata.put("filetype", ContentTypes.of(file));
        return metadata;
    }
}
