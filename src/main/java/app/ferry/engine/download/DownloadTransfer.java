package app.ferry.engine.download;

import app.ferry.engine.ProblemClassifier;
import app.ferry.engine.Problem;
import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.ByteRange;
import app.ferry.engine.DownloadProgress;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.HostCapabilities;
import app.ferry.engine.ResponseInfo;
import app.ferry.engine.StatusLine;
import app.ferry.engine.exchange.Answers;
import app.ferry.engine.exchange.Validators;
import app.ferry.engine.http.FileNameChooser;
import app.ferry.engine.transfer.Outcome;
import app.ferry.engine.transfer.Transfer;
import app.ferry.engine.transfer.TransferContext;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A download that can be stopped at any byte and continued without ever splicing two versions
 * of the remote file together. One attempt: ask ({@link DownloadExchange}), judge the answer,
 * then write it over one connection ({@link SingleConnectionCopy}) or several ({@link
 * SegmentedDownload}), and finish ({@link Completion}). A changed file or a misbehaving server
 * restarts it from zero ({@link RestartFromZero}), a few times at most.
 */
public final class DownloadTransfer implements Transfer {

    /** How much already-downloaded data is fetched again to check a resume without a strong ETag. */
    static final int OVERLAP_CHECK_BYTES = 64 * 1024;
    /** A changed file or a server that lies about ranges is retried from zero, but not forever. */
    static final int MAX_RESTARTS = 3;

    private final DownloadSpec spec;
    /** What the queue learnt about servers; a server that garbles ranges is remembered there. */
    private final HostCapabilities hosts;
    /** Set once a server refused or garbled a range request it had offered: the rest of this run uses one connection. */
    private boolean singleConnection;

    public DownloadTransfer(DownloadSpec spec, HostCapabilities hosts) {
        this.spec = spec;
        this.hosts = hosts;
    }

    @Override
    public Outcome attempt(TransferContext context) throws IOException {
        for (int restarts = 0; ; restarts++) {
            try {
                return attemptOnce(context);
            } catch (RestartFromZero restart) {
                if (restart instanceof RangesRefused) {
                    singleConnection = true;
                    rememberRangesRefused(context);
                }
                if (restarts >= MAX_RESTARTS) {
                    throw new TransferFailure.Fatal(Phrases.restartedTooOften(MAX_RESTARTS, restart.problem()),
                            restart);
                }
                context.update(r -> r.withDownload(r.download().restarted()));
                context.note(HistoryEvent.Kind.RESTARTED, 0, restart.problem());
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
        DownloadExchange.Opened opened = new DownloadExchange(spec, context).open(progress, requestFrom);
        HttpResponse<InputStream> response = opened.response();
        try (InputStream body = response.body()) {
            context.onStop(body);
            int status = response.statusCode();
            HttpHeaders headers = response.headers();
            context.update(r -> r.withResponse(ResponseInfo.of(status, headers.map())));
            if (status == 401 && Answers.challenge(headers).isPresent()) {
                return DownloadExchange.challenge(headers);
            }
            if (StatusLine.isTransient(status)) {
                throw Answers.retryLater(status, Phrases.httpStatus(status, response.uri(), "",
                        StatusLine.of(status) + " from " + response.uri()), headers);
            }
            if (status == 416) {
                return rangeNotSatisfiable(context, headers, offset);
            }
            if (status != 200 && status != 206) {
                throw new TransferFailure.Fatal(switch (status) {
                    case 404, 410 -> Phrases.notFound(status, response.uri());
                    case 401, 403 -> Phrases.downloadRefused(status, response.uri());
                    case 431 -> Phrases.headersTooLarge(response.uri());
                    default -> Phrases.httpStatus(status, response.uri(), "", StatusLine.of(status) + " for " + response.uri());
                });
            }
            DownloadExchange.Accepted accepted = DownloadExchange.accept(opened.request(), response, progress,
                    fileName(context, response));
            return write(context, progress, response, accepted, body, offset, checkOverlap);
        }
    }

    private Outcome write(TransferContext context, DownloadProgress progress, HttpResponse<InputStream> response,
                          DownloadExchange.Accepted accepted, InputStream body, long offset, boolean checkOverlap)
            throws IOException {
        Validators validators = accepted.validators();
        long total = accepted.total();
        BodyEncoding encoding = accepted.encoding();
        Path partial = ensurePartialFile(context, response);
        context.update(r -> r.withDownload(r.download().answeredBy(response.uri().toString(), validators.etag(),
                validators.lastModified(), total, partial)));
        context.setTotalBytes(total);
        noteEncoding(context, encoding);
        int status = response.statusCode();
        if (!singleConnection && !checkOverlap && encoding.rangesApply() && SegmentedDownload.applies(spec, context,
                status, response.headers(), total, validators, progress.completed())) {
            if (!hosts.segmentsRefused(response.uri())) {
                return segmented(context, progress, status == 200 ? validators : null, body);
            }
            singleConnection = true;
            context.note(HistoryEvent.Kind.NOTE, 0, Phrases.oneConnection(response.uri().getAuthority(), false));
        }
        if (!encoding.rangesApply()) {
            // Ranges count the compressed bytes: nothing of a decoded file may be claimed for a resume.
            context.update(r -> r.withDownload(r.download().withCompleted(List.of())));
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            long position = accepted.writeFrom();
            if (checkOverlap) {
                SingleConnectionCopy.verifyOverlap(body, channel, accepted.writeFrom(), offset);
                position = offset;
            }
            // Bytes past the durable offset were never claimed: they may be from anywhere.
            channel.truncate(position);
            context.setBytesDone(position);
            if (position > 0) {
                context.note(HistoryEvent.Kind.RESUMED, position, Phrases.resumed(position));
                context.events().resumed(context.record().id(), position);
            } else {
                context.note(HistoryEvent.Kind.STARTED, 0, Phrases.started(response.uri(), "Started " + response.uri()));
            }
            // No checkpoint yet: the first one comes with the first durable bytes. A crash
            // before it costs under a second of data, and the partial file's name is derived
            // from the task, so the next attempt finds and truncates it rather than orphaning it.
            // The decoder is closed with the body: its Inflater holds native memory until then.
            try (InputStream content = encoding.decode(body)) {
                return SingleConnectionCopy.copy(spec, context, content, channel, position, total,
                        encoding.rangesApply());
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
        if (wholeFile != null && !keep.isEmpty() && !sameVersion(saved, current, wholeFile)) {
            context.note(HistoryEvent.Kind.RESTARTED, 0, Phrases.fileChanged().withEnglish("The file on the server is not"
                    + " the version downloaded so far: starting again from zero"));
            keep = List.of();
        }
        long claimedEnd = keep.stream().mapToLong(ByteRange::end).max().orElse(0);
        if (claimedEnd > 0 && (!Files.isRegularFile(current.partialFile()) || Files.size(current.partialFile()) < claimedEnd)) {
            throw new RestartFromZero(Phrases.partialShorter(current.partialFile()));
        }
        List<ByteRange> kept = keep;
        context.update(r -> r.withDownload(current.withCompleted(kept)));
        try (FileChannel channel = FileChannel.open(current.partialFile(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            Outcome outcome = new SegmentedDownload(spec, context, channel, context.record().download()).run(body);
            return outcome != null ? outcome : Completion.complete(spec, context, channel, current.totalBytes());
        }
    }

    /**
     * True when a whole-file answer is provably the version the saved ranges came from: the same
     * strong ETag, or (without one) the same date and no ETag that says otherwise.
     */
    private static boolean sameVersion(DownloadProgress saved, DownloadProgress current, Validators wholeFile) {
        if (saved.totalBytes() != current.totalBytes() || wholeFile.contradicts(saved.etag(), saved.lastModified())) {
            return false;
        }
        return saved.hasStrongValidator() ? saved.etag().equals(wholeFile.etag())
                : saved.lastModified() != null && saved.lastModified().equals(wholeFile.lastModified());
    }

    private static long durableOffset(DownloadProgress progress) throws IOException {
        long offset = progress.contiguousPrefix();
        if (offset == 0) {
            return 0;
        }
        Path partial = progress.partialFile();
        if (partial == null || !Files.isRegularFile(partial)) {
            throw new RestartFromZero(Phrases.partialGone(partial));
        }
        if (Files.size(partial) < offset) {
            throw new RestartFromZero(Phrases.partialShorter(partial));
        }
        return offset;
    }

    private Outcome rangeNotSatisfiable(TransferContext context, HttpHeaders headers, long offset) throws IOException {
        long total = DownloadExchange.unsatisfiedTotal(headers);
        DownloadProgress saved = context.record().download();
        // Only the same version, of the length we knew, is complete: a server that ignores If-Range
        // answers 416 for a file that shrank to exactly our offset, too.
        boolean sameVersion = (saved.totalBytes() < 0 || saved.totalBytes() == total)
                && !Validators.of(headers).contradicts(saved.etag(), saved.lastModified());
        if (offset > 0 && total == offset && sameVersion) {
            // We already have every byte: the last attempt died between the final write and the move.
            context.update(r -> r.withDownload(r.download().withTotal(total)));
            context.setTotalBytes(total);
            try (FileChannel channel = FileChannel.open(saved.partialFile(), StandardOpenOption.WRITE)) {
                channel.truncate(total);
                return Completion.complete(spec, context, channel, total);
            }
        }
        throw new RestartFromZero(Phrases.rangeUnsatisfiable(offset,
                headers.firstValue("Content-Range").orElse("no Content-Range")));
    }

    /**
     * Says what the server's {@code Content-Encoding} does to this download, once per attempt,
     * so that the history tells why the file differs from the bytes sent, or cannot resume.
     */
    private static void noteEncoding(TransferContext context, BodyEncoding encoding) {
        String name = context.record().name();
        switch (encoding.kind()) {
            case DECODED -> context.note(HistoryEvent.Kind.NOTE, 0, Phrases.encodingDecoded(name, encoding.label()));
            case KEPT -> context.note(HistoryEvent.Kind.NOTE, 0, Phrases.encodingKept(name, encoding.label()));
            case IDENTITY, UNDECODABLE -> {
                // Nothing to say: the bytes are the file (an undecodable answer never gets here).
            }
        }
    }

    /**
     * A server that garbled a range of this download will garble the next one's too: the queue
     * remembers its origin, so later downloads from it take one connection from the start.
     */
    private void rememberRangesRefused(TransferContext context) {
        String lied = context.record().download().finalUrl();
        URI origin = lied == null ? spec.uri() : URI.create(lied);
        if (hosts.refuseSegments(origin)) {
            context.note(HistoryEvent.Kind.NOTE, 0, Phrases.oneConnection(origin.getAuthority(), true));
        }
    }

    /** The name the file is saved under: the one chosen by an earlier answer, else this answer's. */
    private static String fileName(TransferContext context, HttpResponse<?> response) {
        if (context.record().download().partialFile() != null) {
            return context.record().name();
        }
        // A name the user chose (renamed before the download began) wins over the server's.
        String chosen = context.record().chosenName();
        if (chosen != null) {
            return chosen;
        }
        HttpHeaders headers = response.headers();
        return FileNameChooser.choose(headers.firstValue("Content-Disposition"), response.uri(),
                headers.firstValue("Content-Type").orElse(""));
    }

    private Path ensurePartialFile(TransferContext context, HttpResponse<?> response) throws IOException {
        Path existing = context.record().download().partialFile();
        if (existing != null) {
            return existing;
        }
        String name = fileName(context, response);
        Path directory = spec.directory();
        try {
            // Checked first: on a folder that exists, createDirectories fails a mkdir and throws and
            // catches an exception inside, for every one of a thousand small downloads.
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            Problem problem = ProblemClassifier.classify(e);
            String english = "Cannot create the download folder " + directory + ": " + e.getMessage();
            // An exception that is not a file system's keeps its own words as the reason (data).
            throw new TransferFailure.Fatal(problem.code() == Problem.Code.LOCAL_FILE ? problem.withEnglish(english)
                    : Phrases.localFile(directory, String.valueOf(e.getMessage()), english), e);
        }
        if (!Files.isWritable(directory)) {
            throw new TransferFailure.Fatal(Phrases.localFile(directory, "permission denied",
                    "The download folder " + directory + " is not writable: choose another folder"));
        }
        // The task id keeps two downloads of the same name from sharing a partial file.
        Path partial = directory.resolve(PartialFiles.nameFor(name, context.record().id()));
        // A rename that came meanwhile keeps its name.
        context.update(r -> r.chosenName() != null ? r : r.withName(name));
        return partial;
    }
}
