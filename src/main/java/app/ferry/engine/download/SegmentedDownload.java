package app.ferry.engine.download;

import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.ByteRange;
import app.ferry.engine.DownloadProgress;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.exchange.Validators;
import app.ferry.engine.transfer.Outcome;
import app.ferry.engine.transfer.TransferContext;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One attempt of a download split over several connections, each on its own virtual thread,
 * writing at its offsets into the one partial file.
 *
 * <p>Every range response is checked before a byte of it is written ({@link SegmentRequests}).
 * Any mismatch restarts the whole download from zero, over one connection when the server
 * garbled the ranges: two versions of a file are never spliced.
 *
 * <p>Durability as for one connection: the thread that started the attempt forces the file about
 * once per checkpoint interval and only then saves, as completed, what the connections had
 * written before the force. After a pause or {@code kill -9}, every segment continues from there.
 *
 * <p>Per chunk a connection does one positional write (one at a time, see {@link #writes}), a
 * claim on its segment (a few instructions under an uncontended lock) and atomic counter updates;
 * nothing else.
 */
final class SegmentedDownload {

    /** Files smaller than this are fetched over one connection: the extra requests cost more than they save. */
    static final long MIN_SIZE = 4L << 20;
    /** No connection starts or steals a range smaller than this. */
    static final long MIN_PIECE = 1L << 20;
    /** As large as the HTTP client's read buffers (jdk.httpclient.bufsize): a read returns no more. */
    private static final int BUFFER_BYTES = 256 << 10;

    private final DownloadSpec spec;
    private final TransferContext context;
    private final FileChannel channel;
    private final long total;
    private final DownloadProgress version;
    private final SegmentRequests requests;
    /** How often the thread that checkpoints looks whether one is due (by time, or by bytes written). */
    private static final long CHECKPOINT_POLL_MILLIS = 50;
    private final Set<InputStream> openBodies = ConcurrentHashMap.newKeySet();
    private final AtomicReference<IOException> fatal = new AtomicReference<>();
    private final AtomicReference<IOException> lastFault = new AtomicReference<>();
    private volatile boolean aborted;
    private SegmentPlan plan;
    /**
     * The connections write one at a time. Linux copies into one file's page cache under that
     * file's inode lock anyway, and when several writers wait there the kernel spins on the lock's
     * holder: on a two-core VM, up to 14 s of system time for a 4 GiB download. A connection
     * waiting here is parked instead (4 GiB right after 3 GiB of other writes, medians of 8
     * interleaved: 4.21 -> 3.90 s, 4.71 -> 3.70 system seconds).
     */
    private final ReentrantLock writes = new ReentrantLock();

    /**
     * @param version the saved state, already holding the validators and total of the first response
     */
    SegmentedDownload(DownloadSpec spec, TransferContext context, FileChannel channel, DownloadProgress version) {
        this.spec = spec;
        this.context = context;
        this.channel = channel;
        this.version = version;
        this.total = version.totalBytes();
        this.requests = new SegmentRequests(spec, context, version);
    }

    /** Connections this download may use. */
    static int connections(DownloadSpec spec, TransferContext context) {
        return spec.connections() > 0 ? spec.connections() : context.config().connections();
    }

    /**
     * True when the first response allows a segmented download and it is worth it, or when the
     * saved state holds several ranges, which only this class can continue.
     *
     * @param status 200 (with {@code Accept-Ranges: bytes}) or 206 of the first request
     */
    static boolean applies(DownloadSpec spec, TransferContext context, int status, HttpHeaders headers,
                           long total, Validators validators, List<ByteRange> saved) {
        boolean rangesOffered = status == 206 || status == 200 && headers.firstValue("Accept-Ranges")
                .map(v -> v.toLowerCase(java.util.Locale.ROOT).contains("bytes")).orElse(false);
        if (total <= 0 || !rangesOffered || !validators.canGuardRanges()) {
            // Without a validator for If-Range, a range from another connection could come from
            // another version of the file: one connection with its overlap check is safer.
            return false;
        }
        return !ByteRanges.isPrefix(saved) || connections(spec, context) > 1 && total >= MIN_SIZE;
    }

    /**
     * Fetches every missing range. {@code firstBody} is the body of the response the caller
     * already validated; it starts at the first missing byte.
     *
     * @return null when every byte is written and durable (the caller completes the download),
     *     or {@link Outcome.Stopped} when the task was paused or cancelled
     */
    Outcome run(InputStream firstBody) throws IOException {
        List<ByteRange> saved = ByteRanges.union(version.completed());
        long have = ByteRanges.bytes(saved);
        if (channel.size() > total) {
            channel.truncate(total);
        }
        int connections = connections(spec, context);
        plan = new SegmentPlan(ByteRanges.gaps(saved, total), connections, MIN_PIECE);
        List<Segment> first = plan.start(connections);
        context.setBytesDone(have);
        if (have > 0) {
            context.note(HistoryEvent.Kind.RESUMED, have, Phrases.resumedSegmented(have, total, first.size()));
            context.events().resumed(context.record().id(), have);
        } else {
            context.note(HistoryEvent.Kind.STARTED, 0, Phrases.startedSegmented(first.size(), version.finalUrl()));
        }
        context.checkpoint();

        try (ExecutorService connectionsPool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < first.size(); i++) {
                Segment segment = first.get(i);
                InputStream body = i == 0 ? firstBody : null;
                connectionsPool.execute(() -> connection(segment, body));
            }
            connectionsPool.shutdown();
            try {
                long poll = Math.min(context.config().checkpointInterval().toMillis(), CHECKPOINT_POLL_MILLIS);
                while (!connectionsPool.awaitTermination(poll, TimeUnit.MILLISECONDS)) {
                    if (context.checkpointDue()) {
                        checkpoint(saved);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort();
            } catch (IOException | RuntimeException e) {
                // A checkpoint failed (the state's disk is full): stop the connections now rather
                // than letting the pool's close wait for every remaining range to arrive.
                abort();
                throw e;
            }
        } finally {
            // Whatever was written came from validated responses: keep it, even on a failure.
            if (fatal.get() == null || !(fatal.get() instanceof RestartFromZero)) {
                checkpoint(saved);
            }
        }
        IOException failure = fatal.get();
        if (failure != null) {
            throw failure;
        }
        List<ByteRange> done = ByteRanges.union(concat(saved, plan.written()));
        if (ByteRanges.gaps(done, total).isEmpty()) {
            return null;
        }
        if (context.stopRequested()) {
            return new Outcome.Stopped();
        }
        IOException fault = lastFault.get();
        throw fault != null ? fault : TransferFailure.Retryable.of(
                Phrases.segmentsIncomplete(ByteRanges.gaps(done, total).size()));
    }

    int steals() {
        return plan == null ? 0 : plan.steals();
    }

    /** Forces what the connections wrote, then claims it in the saved state. */
    private void checkpoint(List<ByteRange> saved) throws IOException {
        List<ByteRange> written = plan.written();
        channel.force(false);
        List<ByteRange> completed = ByteRanges.union(concat(saved, written));
        context.update(r -> r.withDownload(r.download().withTotal(total).withCompleted(completed)));
        context.checkpoint();
    }

    private static List<ByteRange> concat(List<ByteRange> a, List<ByteRange> b) {
        List<ByteRange> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /** One connection: its first segment, then whatever the plan hands it, until nothing is left. */
    private void connection(Segment first, InputStream firstBody) {
        byte[] buffer = new byte[BUFFER_BYTES];
        Segment segment = first;
        InputStream body = firstBody;
        while (segment != null && !aborted && !context.stopRequested()) {
            try {
                if (body == null) {
                    body = open(segment);
                } else {
                    track(body);
                }
                try {
                    copy(segment, body, buffer);
                } finally {
                    openBodies.remove(body);
                    body.close();
                }
            } catch (TransferFailure.Fatal | RestartFromZero e) {
                fatal.compareAndSet(null, e);
                abort();
                return;
            } catch (IOException | RuntimeException e) {
                // This connection is done; another one (or the next attempt) fetches the rest.
                if (!context.stopRequested() && !aborted) {
                    lastFault.set(e instanceof IOException io ? io : new IOException(e));
                }
                plan.giveBack(segment);
                return;
            }
            body = null;
            segment = plan.next();
        }
        if (segment != null) {
            plan.giveBack(segment);
        }
    }

    private void track(InputStream body) {
        openBodies.add(body);
        context.onStop(body);
        if (aborted) {
            closeQuietly(body);
        }
    }

    /** Stops every connection of this attempt (another one failed for good). */
    private void abort() {
        aborted = true;
        plan.close();
        for (InputStream body : openBodies) {
            closeQuietly(body);
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // Closing is how a connection is aborted; its own thread sees the failure.
        }
    }

    private void copy(Segment segment, InputStream body, byte[] buffer) throws IOException {
        ByteBuffer wrapper = ByteBuffer.wrap(buffer);
        long position = segment.start();
        while (true) {
            long left = segment.remaining();
            if (left == 0) {
                return;
            }
            int n = body.read(buffer, 0, (int) Math.min(context.readSize(buffer.length), left));
            if (n < 0) {
                throw TransferFailure.Retryable.of(Phrases.segmentClosed(segment.start(), segment.end() - 1,
                        position));
            }
            int mine = segment.claim(n);
            wrapper.clear().limit(mine);
            writes.lock();
            try {
                PartWrites.write(channel, wrapper, position);
            } finally {
                writes.unlock();
            }
            position += mine;
            segment.written(position);
            context.addBytesDone(mine);
            context.touch();
            context.throttleDownload(mine);
        }
    }

    /** Asks for the segment's bytes and checks the answer before anything is written. */
    private InputStream open(Segment segment) throws IOException {
        long first = segment.start();
        long last = segment.end() - 1;
        HttpResponse<InputStream> response = requests.open(first, last);
        InputStream body = response.body();
        track(body);
        try {
            requests.check(response, first, last);
            return body;
        } catch (IOException | RuntimeException e) {
            openBodies.remove(body);
            body.close();
            throw e;
        }
    }
}
