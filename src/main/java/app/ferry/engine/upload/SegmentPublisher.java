package app.ferry.engine.upload;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * A repeatable body publisher over a list of segments. Every {@link #subscribe} starts again from
 * the first byte, because the HTTP client subscribes once more to re-send a body after a 307/308.
 *
 * <p>Chunks are read only when the subscriber asks for them, on the thread that asks: the same
 * choice as the JDK's own {@code BodyPublishers.ofFile}. At most {@code request(n)} chunks exist
 * at any time, so memory stays at a few chunks whatever the file size.
 *
 * <p>{@code bytesSent} receives each chunk's size just before the chunk is handed over. When a
 * body starts again, it first receives minus what the previous attempt had counted, so that a
 * running sum always equals the bytes of the current attempt and never exceeds
 * {@link #contentLength()}.
 *
 * <p>{@code end} hears {@code true} right after the last chunk was handed over (before
 * {@code onComplete}), and {@code false} whenever a subscription starts the body again.
 */
final class SegmentPublisher implements HttpRequest.BodyPublisher {

    /**
     * Large enough that the per-chunk costs (a stat, a callback, a queue hand-off) vanish against
     * the copy, small enough that the few chunks in flight are nothing for the heap. The JDK's
     * {@code ofFile} reads 16 KiB at a time.
     *
     * <p>Measured on a 1 GiB PUT and multipart POST to a loopback discard server ({@code -XX:+UseSerialGC
     * -Xmx64m}, 2 cores): 256 KiB ~2.2 CPU-s and 123 MB peak RSS; 512 KiB and 1 MiB ~1.9 CPU-s and
     * 105 MB; 2 MiB and 4 MiB no less CPU but 140 MB. Fresh direct buffers per chunk cost more CPU and
     * ~100 MB more RSS (freed only by a GC).
     */
    static final int CHUNK_SIZE = 1 << 20;

    private static final System.Logger LOG = System.getLogger(SegmentPublisher.class.getName());

    private final List<BodySegment> segments;
    private final long contentLength;
    private final LongConsumer bytesSent;
    private final BodyEnd end;
    private final int chunkSize;
    private final AtomicReference<SegmentSubscription> current = new AtomicReference<>();

    SegmentPublisher(List<BodySegment> segments, LongConsumer bytesSent, int chunkSize) {
        this(segments, bytesSent, BodyEnd.NONE, chunkSize);
    }

    SegmentPublisher(List<BodySegment> segments, LongConsumer bytesSent, BodyEnd end, int chunkSize) {
        this.segments = List.copyOf(segments);
        this.bytesSent = Objects.requireNonNull(bytesSent, "bytesSent");
        this.end = Objects.requireNonNull(end, "end");
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        }
        this.chunkSize = chunkSize;
        long sum = 0;
        for (BodySegment segment : this.segments) {
            sum = Math.addExact(sum, segment.length());
        }
        this.contentLength = sum;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        SegmentSubscription subscription = new SegmentSubscription(subscriber);
        SegmentSubscription previous = current.getAndSet(subscription);
        if (previous != null) {
            previous.cancel();
            long counted = previous.counted.getAndSet(0);
            if (counted > 0) {
                bytesSent.accept(-counted);
            }
        }
        end.handedOver(false);
        subscriber.onSubscribe(subscription);
        subscription.drain();
    }

    private final class SegmentSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        /** Drain requests not yet served; the thread that raises it from 0 owns the reader. */
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicLong counted = new AtomicLong();
        private volatile boolean cancelled;
        private volatile Throwable badRequest;
        // Touched only by the drain owner.
        private SegmentReader reader;
        private boolean done;

        SegmentSubscription(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                // Reactive Streams rule 3.9.
                badRequest = new IllegalArgumentException("request(" + n + "): demand must be positive");
            } else {
                demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            drain();
        }

        /** Runs the loop on this thread unless another thread is in it; then that one loops again. */
        void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            do {
                emit();
            } while (wip.decrementAndGet() != 0);
        }

        private void emit() {
            while (!done) {
                if (cancelled) {
                    finish(null, false);
                    return;
                }
                if (badRequest != null) {
                    finish(badRequest, true);
                    return;
                }
                ByteBuffer chunk;
                try {
                    if (reader == null) {
                        reader = new SegmentReader(segments, contentLength, chunkSize);
                    }
                    if (reader.remaining() == 0) {
                        finish(null, true);
                        return;
                    }
                    if (demand.get() == 0) {
                        return;
                    }
                    chunk = reader.next();
                } catch (IOException | RuntimeException e) {
                    finish(e, true);
                    return;
                }
                demand.decrementAndGet();
                counted.addAndGet(chunk.remaining());
                bytesSent.accept(chunk.remaining());
                subscriber.onNext(chunk);
            }
        }

        private void finish(Throwable failure, boolean signal) {
            done = true;
            Throwable error = failure;
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException e) {
                    // Closing a file we only read: report it only if nothing worse happened.
                    if (error == null) {
                        error = e;
                    } else {
                        error.addSuppressed(e);
                    }
                }
            }
            if (!signal) {
                if (error != null) {
                    // Cancelled: the subscriber may no longer be signalled (rule 1.8), so say it here.
                    LOG.log(System.Logger.Level.WARNING, "closing an upload body after cancel failed", error);
                }
                return;
            }
            if (error != null) {
                subscriber.onError(error);
            } else {
                // Before onComplete: the client may have its answer right after, and must clear this then.
                end.handedOver(true);
                subscriber.onComplete();
            }
        }
    }
}
