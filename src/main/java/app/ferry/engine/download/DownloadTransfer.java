package app.ferry.engine.download;

import app.ferry.engine.ByteRange;
import app.ferry.engine.DownloadProgress;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.FerryBuild;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.ResponseInfo;
import app.ferry.engine.http.ContentDisposition;
import app.ferry.engine.http.ContentRange;
import app.ferry.engine.http.FileNameChooser;
import app.ferry.engine.http.MalformedHeaderException;
import app.ferry.engine.http.RetryAfter;
import app.ferry.engine.http.UniqueFiles;
import app.ferry.engine.store.AtomicFiles;
import app.ferry.engine.transfer.Outcome;
import app.ferry.engine.transfer.Redirects;
import app.ferry.engine.transfer.StatusLine;
import app.ferry.engine.transfer.Transfer;
import app.ferry.engine.transfer.TransferContext;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A single-connection download that can be stopped at any byte and continued without ever
 * splicing two versions of the remote file together.
 *
 * <p>Order of durability: bytes are written to the partial file, the file is fsynced, and only
 * then does the state file claim them. A crash between the two loses time, never correctness.
 */
public final class DownloadTransfer implements Transfer {

    /** How much already-downloaded data is fetched again to check a resume without a validator. */
    static final int OVERLAP_CHECK_BYTES = 64 * 1024;
    /** Reads of the JDK client's buffers are at most this large (jdk.httpclient.bufsize). */
    private static final int COPY_BUFFER_BYTES = 256 << 10;
    private static final int MIN_COPY_BUFFER_BYTES = 8 << 10;
    /** A changed file or a server that lies about ranges is retried from zero, but not forever. */
    private static final int MAX_RESTARTS = 3;

    private final DownloadSpec spec;
    /** Set once a server refused a range request it had offered: the rest of this run uses one connection. */
    private boolean singleConnection;

    public DownloadTransfer(DownloadSpec spec) {
        this.spec = spec;
    }

    @Override
    public Outcome attempt(TransferContext context) throws IOException {
        for (int restarts = 0; ; restarts++) {
            try {
                return attemptOnce(context);
            } catch (RestartFromZero restart) {
                singleConnection |= restart instanceof RangesRefused;
                if (restarts >= MAX_RESTARTS) {
                    throw new TransferFailure.Fatal("Restarted " + MAX_RESTARTS + " times without finishing: "
                            + restart.getMessage(), restart);
                }
                context.update(r -> r.withDownload(new DownloadProgress(r.download().finalUrl(), null, null, -1,
                        List.of(), r.download().partialFile(), null)));
                context.note(HistoryEvent.Kind.RESTARTED, 0, restart.getMessage());
                context.setBytesDone(0);
                context.checkpoint();
            }
        }
    }

    private Outcome attemptOnce(TransferContext context) throws IOException {
        DownloadProgress progress = context.record().download();
        long offset = durableOffset(progress);
        boolean checkOverlap = offset > 0 && !progress.hasStrongValidator();
        long requestFrom = checkOverlap ? Math.max(0, offset - OVERLAP_CHECK_BYTES) : offset;

        HttpResponse<InputStream> first = open(context, progress, requestFrom);
        HttpResponse<InputStream> response = first;
        if (isGone(first.statusCode()) && progress.finalUrl() != null && !progress.finalUrl().equals(spec.url())) {
            // The address a redirect gave last time may have expired (signed CDN links do):
            // ask the original URL again, as a browser would. The validators still guard the resume.
            first.body().close();
            context.note(HistoryEvent.Kind.NOTE, requestFrom, StatusLine.of(first.statusCode()) + " from "
                    + progress.finalUrl() + "; asking the original address " + spec.url() + " again");
            DownloadProgress fromOrigin = new DownloadProgress(spec.url(), progress.etag(), progress.lastModified(),
                    progress.totalBytes(), progress.completed(), progress.partialFile(), null);
            context.update(r -> r.withDownload(fromOrigin));
            response = open(context, fromOrigin, requestFrom);
        }
        return handle(context, progress, response, offset, requestFrom, checkOverlap);
    }

    private Outcome handle(TransferContext context, DownloadProgress progress, HttpResponse<InputStream> response,
                           long offset, long requestFrom, boolean checkOverlap) throws IOException {
        try (InputStream body = response.body()) {
            context.onStop(body);
            int status = response.statusCode();
            HttpHeaders headers = response.headers();
            context.update(r -> r.withResponse(ResponseInfo.of(status, headers.map())));
            context.events().responseReceived(context.record().id(), status, headers.map());

            if (status == 401) {
                return challenge(context, headers);
            }
            if (StatusLine.isTransient(status)) {
                throw new TransferFailure.Retryable(StatusLine.of(status) + " from " + response.uri(),
                        headers.firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, Instant.now())).orElse(null), null);
            }
            if (status == 416) {
                return rangeNotSatisfiable(context, headers, offset);
            }
            if (status != 200 && status != 206) {
                throw new TransferFailure.Fatal(StatusLine.of(status) + " for " + response.uri()
                        + (status == 404 || status == 410 ? ": the file is not there (check the URL)" : ""));
            }

            Validators validators = Validators.of(headers);
            long total;
            long writeFrom;
            if (status == 200) {
                if (requestFrom > 0) {
                    throw new RestartFromZero("The server sent the whole file instead of the rest (it ignores ranges,"
                            + " or the file changed since the last attempt): starting again from zero");
                }
                total = headers.firstValueAsLong("Content-Length").orElse(-1);
                writeFrom = 0;
            } else {
                ContentRange range = parseContentRange(headers);
                if (range.first() != requestFrom || (range.total() >= 0 && range.last() != range.total() - 1)
                        || (progress.totalBytes() >= 0 && range.total() != progress.totalBytes())) {
                    throw new RestartFromZero("The server answered a request for bytes " + requestFrom + "- with "
                            + headers.firstValue("Content-Range").orElse("?") + ": starting again from zero");
                }
                if (validators.contradicts(progress)) {
                    throw new RestartFromZero("The file on the server changed since the last attempt"
                            + " (its ETag or Last-Modified differ): starting again from zero");
                }
                total = range.total();
                writeFrom = requestFrom;
            }

            Path partial = ensurePartialFile(context, response, headers);
            long totalBytes = total;
            context.update(r -> r.withDownload(new DownloadProgress(response.uri().toString(),
                    validators.etag(), validators.lastModified(), totalBytes, r.download().completed(),
                    partial, null)));
            context.setTotalBytes(total);
            if (!singleConnection && !checkOverlap && SegmentedDownload.applies(spec, context, status, headers, total,
                    validators, progress.completed())) {
                return segmented(context, progress, status == 200 ? validators : null, body);
            }

            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ)) {
                long position = writeFrom;
                if (checkOverlap) {
                    verifyOverlap(body, channel, requestFrom, offset);
                    position = offset;
                }
                // Bytes past the durable offset were never claimed: they may be from anywhere.
                channel.truncate(position);
                context.setBytesDone(position);
                if (position > 0) {
                    context.note(HistoryEvent.Kind.RESUMED, position, "Resumed at byte " + position);
                    context.events().resumed(context.record().id(), position);
                } else {
                    context.note(HistoryEvent.Kind.STARTED, 0, "Started " + response.uri());
                }
                // No checkpoint yet: the first one comes with the first durable bytes. A crash
                // before it costs under a second of data, and the partial file's name is derived
                // from the task, so the next attempt finds and truncates it rather than orphaning it.
                return copy(context, body, channel, position, total);
            }
        }
    }

    /**
     * Continues over several connections; {@code body} starts at the first missing byte.
     *
     * @param wholeFile the validators of a 200 response, whose saved ranges are kept only if it is the same version
     */
    private Outcome segmented(TransferContext context, DownloadProgress saved, Validators wholeFile, InputStream body)
            throws IOException {
        DownloadProgress current = context.record().download();
        List<ByteRange> keep = saved.completed();
        if (wholeFile != null && !keep.isEmpty() && !(saved.totalBytes() == current.totalBytes()
                && (saved.etag() != null ? saved.etag().equals(wholeFile.etag())
                : saved.lastModified() != null && saved.lastModified().equals(wholeFile.lastModified())))) {
            context.note(HistoryEvent.Kind.RESTARTED, 0, "The file on the server is not the version downloaded so far:"
                    + " starting again from zero");
            keep = List.of();
        }
        long claimedEnd = keep.stream().mapToLong(ByteRange::end).max().orElse(0);
        if (claimedEnd > 0 && (!Files.isRegularFile(current.partialFile()) || Files.size(current.partialFile()) < claimedEnd)) {
            throw new RestartFromZero("The partial file " + current.partialFile() + " is shorter than the saved state"
                    + " says: starting again from zero");
        }
        List<ByteRange> kept = keep;
        context.update(r -> r.withDownload(new DownloadProgress(current.finalUrl(), current.etag(),
                current.lastModified(), current.totalBytes(), kept, current.partialFile(), null)));
        try (FileChannel channel = FileChannel.open(current.partialFile(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            Outcome outcome = new SegmentedDownload(spec, context, channel, context.record().download()).run(body);
            return outcome != null ? outcome : complete(context, channel, current.totalBytes());
        }
    }

    private static boolean isGone(int status) {
        return status == 403 || status == 404 || status == 410;
    }

    private static long durableOffset(DownloadProgress progress) throws IOException {
        long offset = progress.contiguousPrefix();
        if (offset == 0) {
            return 0;
        }
        Path partial = progress.partialFile();
        if (partial == null || !Files.isRegularFile(partial)) {
            throw new RestartFromZero("The partial file " + partial + " is gone: starting again from zero");
        }
        if (Files.size(partial) < offset) {
            throw new RestartFromZero("The partial file " + partial + " is shorter than the saved state says: starting again from zero");
        }
        return offset;
    }

    private HttpResponse<InputStream> open(TransferContext context, DownloadProgress progress, long from) throws IOException {
        URI origin = URI.create(spec.url());
        URI uri = URI.create(progress.finalUrl() == null ? spec.url() : progress.finalUrl());
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .GET()
                    .timeout(context.config().idleTimeout())
                    .header("User-Agent", FerryBuild.userAgent())
                    // A compressed body would make byte offsets meaningless.
                    .header("Accept-Encoding", "identity");
            if (from > 0) {
                request.header("Range", "bytes=" + from + "-");
                String validator = progress.etag() != null ? progress.etag() : progress.lastModified();
                if (validator != null) {
                    request.header("If-Range", validator);
                }
            }
            if (context.credentials() != null && Redirects.sameOrigin(origin, uri)) {
                request.header("Authorization", context.credentials().basicAuthorization());
            }
            HttpResponse<InputStream> response = context.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (!Redirects.isRedirect(response.statusCode())) {
                return response;
            }
            response.body().close();
            if (hop >= Redirects.MAX_FOLLOW_UPS) {
                throw new TransferFailure.Fatal("More than " + Redirects.MAX_FOLLOW_UPS + " redirects, starting at " + origin);
            }
            URI next = Redirects.target(uri, response.statusCode(), response.headers(), spec.allowHttpsDowngrade());
            context.note(HistoryEvent.Kind.REDIRECTED, from, "Redirected to " + next);
            context.events().redirected(context.record().id(), uri, next);
            uri = next;
        }
    }

    private static Outcome challenge(TransferContext context, HttpHeaders headers) throws TransferFailure.Fatal {
        Optional<String> challenge = headers.firstValue("WWW-Authenticate");
        if (challenge.isEmpty()) {
            throw new TransferFailure.Fatal(StatusLine.of(401) + " without a WWW-Authenticate challenge: the server refuses this download");
        }
        String realm = challenge.get().replaceFirst("(?i)^.*realm=\"([^\"]*)\".*$", "$1");
        return new Outcome.NeedsCredentials(realm.equals(challenge.get()) ? null : realm);
    }

    private Outcome rangeNotSatisfiable(TransferContext context, HttpHeaders headers, long offset) throws IOException {
        long total = headers.firstValue("Content-Range").map(DownloadTransfer::unsatisfiedTotal).orElse(-1L);
        DownloadProgress saved = context.record().download();
        // Only the same version, of the length we knew, is complete: a server that ignores If-Range
        // answers 416 for a file that shrank to exactly our offset, too.
        boolean sameVersion = (saved.totalBytes() < 0 || saved.totalBytes() == total)
                && !Validators.of(headers).contradicts(saved);
        if (offset > 0 && total == offset && sameVersion) {
            // We already have every byte: the last attempt died between the final write and the move.
            Path partial = context.record().download().partialFile();
            context.update(r -> r.withDownload(new DownloadProgress(r.download().finalUrl(), r.download().etag(),
                    r.download().lastModified(), total, r.download().completed(), partial, null)));
            context.setTotalBytes(total);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.truncate(total);
                return complete(context, channel, total);
            }
        }
        throw new RestartFromZero("The server cannot send bytes from " + offset + " ("
                + headers.firstValue("Content-Range").orElse("no Content-Range") + "): starting again from zero");
    }

    private static long unsatisfiedTotal(String contentRange) {
        try {
            ContentRange range = ContentRange.parse(contentRange);
            return range.isUnsatisfied() ? range.total() : -1;
        } catch (MalformedHeaderException e) {
            return -1;
        }
    }

    private static ContentRange parseContentRange(HttpHeaders headers) throws IOException {
        String value = headers.firstValue("Content-Range").orElseThrow(() ->
                new RestartFromZero("The server sent 206 Partial Content without a Content-Range: starting again from zero"));
        try {
            ContentRange range = ContentRange.parse(value);
            if (range.isUnsatisfied()) {
                throw new RestartFromZero("The server sent 206 with an unsatisfied range \"" + value + "\": starting again from zero");
            }
            return range;
        } catch (MalformedHeaderException e) {
            throw new RestartFromZero("The server sent an invalid Content-Range \"" + value + "\": starting again from zero");
        }
    }

    private Path ensurePartialFile(TransferContext context, HttpResponse<?> response, HttpHeaders headers) throws IOException {
        Path existing = context.record().download().partialFile();
        if (existing != null) {
            return existing;
        }
        String name = FileNameChooser.choose(headers.firstValue("Content-Disposition"), response.uri(),
                headers.firstValue("Content-Type").orElse(""));
        Path directory = spec.directory();
        try {
            // Checked first: on a folder that exists, createDirectories fails a mkdir and throws and
            // catches an exception inside, for every one of a thousand small downloads.
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new TransferFailure.Fatal("Cannot create the download folder " + directory + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(directory)) {
            throw new TransferFailure.Fatal("The download folder " + directory + " is not writable: choose another folder");
        }
        // The task id keeps two downloads of the same name from sharing a partial file.
        Path partial = directory.resolve(PartialFiles.nameFor(name, context.record().id()));
        context.update(r -> r.withName(name));
        return partial;
    }

    private static void verifyOverlap(InputStream body, FileChannel channel, long from, long offset) throws IOException {
        int length = Math.toIntExact(offset - from);
        byte[] remote = body.readNBytes(length);
        if (remote.length < length) {
            throw new IOException("The connection closed while re-checking the last " + length + " bytes");
        }
        ByteBuffer local = ByteBuffer.allocate(length);
        while (local.hasRemaining()) {
            if (channel.read(local, from + local.position()) < 0) {
                break;
            }
        }
        if (local.hasRemaining() || !Arrays.equals(local.array(), remote)) {
            throw new RestartFromZero("The server has no ETag or Last-Modified, and the bytes before " + offset
                    + " differ from what was downloaded: the file changed, starting again from zero");
        }
    }

    private Outcome copy(TransferContext context, InputStream body, FileChannel channel, long start, long total)
            throws IOException {
        // No bigger than the body: a fresh 1 MiB array (the size then) per 100 KiB file was nine tenths of all the
        // allocation (and its zeroing) of a run of many small downloads.
        long expected = total >= 0 ? total - start : COPY_BUFFER_BYTES;
        byte[] buffer = new byte[(int) Math.clamp(expected, MIN_COPY_BUFFER_BYTES, COPY_BUFFER_BYTES)];
        ByteBuffer wrapper = ByteBuffer.wrap(buffer);
        long position = start;
        try {
            while (true) {
                int n = body.read(buffer, 0, context.readSize(buffer.length));
                if (n < 0) {
                    break;
                }
                if (total >= 0 && position + n > total) {
                    throw new TransferFailure.Retryable("The server sent more than the " + total + " bytes it announced");
                }
                wrapper.clear().limit(n);
                PartWrites.write(channel, wrapper, position);
                position += n;
                context.addBytesDone(n);
                context.touch();
                context.throttleDownload(n);
                if (context.checkpointDue()) {
                    makeDurable(context, channel, position);
                }
            }
        } catch (IOException e) {
            // Everything written so far came in order from a validated response: keep it.
            makeDurable(context, channel, position);
            if (context.stopRequested()) {
                return new Outcome.Stopped();
            }
            throw e;
        }
        if (total >= 0 && position < total) {
            makeDurable(context, channel, position);
            if (context.stopRequested()) {
                return new Outcome.Stopped();
            }
            throw new TransferFailure.Retryable("The connection closed at byte " + position + " of " + total);
        }
        return complete(context, channel, position);
    }

    private static void makeDurable(TransferContext context, FileChannel channel, long position) throws IOException {
        channel.force(false);
        context.update(r -> r.withDownload(r.download().withPrefix(position)));
        context.checkpoint();
    }

    /**
     * Fsyncs the data, checks it, and moves it into place. The record that claims the finished
     * file is saved by the queue's transition to COMPLETED: one state write, not three, which
     * is most of the cost of a small file.
     */
    private Outcome complete(TransferContext context, FileChannel channel, long length) throws IOException {
        channel.force(false);
        context.update(r -> r.withDownload(r.download().withPrefix(length)));
        DownloadProgress progress = context.record().download();
        if (progress.totalBytes() < 0) {
            context.update(r -> r.withDownload(new DownloadProgress(progress.finalUrl(), progress.etag(),
                    progress.lastModified(), length, List.of(new ByteRange(0, length)), progress.partialFile(), null)));
            context.setTotalBytes(length);
        }
        if (spec.sha256() != null) {
            String actual = Sha256.of(channel, length);
            if (!actual.equals(spec.sha256())) {
                context.checkpoint();
                throw new TransferFailure.Fatal("SHA-256 mismatch: expected " + spec.sha256() + " but the download is "
                        + actual + ". The data is kept in " + progress.partialFile());
            }
        }
        Path finalFile = UniqueFiles.moveIntoPlace(progress.partialFile(), spec.directory(), context.record().name());
        // The state about to say COMPLETED names this file: its directory entry must be on disk
        // first (the download folder may be on another file system than the state).
        AtomicFiles.fsyncDirectory(spec.directory());
        context.update(r -> r.withName(finalFile.getFileName().toString())
                .withDownload(r.download().withFinalFile(finalFile)));
        context.note(HistoryEvent.Kind.COMPLETED, length, "Saved as " + finalFile);
        return new Outcome.Completed();
    }

    /** Not a failure: the remote file changed or the server misbehaved, so the download starts over. */
    static class RestartFromZero extends IOException {
        RestartFromZero(String message) {
            super(message);
        }
    }

    /** A server that offered ranges answered one with the whole file: start over on one connection. */
    static final class RangesRefused extends RestartFromZero {
        RangesRefused(String message) {
            super(message);
        }
    }
}
