package app.ferry.engine.transfer;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

/**
 * A request body that asks its source for the next chunk only when the rate limits allow it.
 *
 * <p>It never blocks a thread: the HTTP client asks for body chunks on its own threads (the
 * selector among them), where a sleep would stall every connection. Instead, after each chunk it
 * pays for, it delays the next {@code request(1)} to its source by the wait the limiters gave.
 * The cost is one small critical section per chunk (1 MiB for file bodies).
 */
public final class ThrottledPublisher implements HttpRequest.BodyPublisher {

    /** Delayed requests run on a fresh virtual thread: the source may read a file chunk there. */
    private static final Executor VIRTUAL = Thread::startVirtualThread;

    private final HttpRequest.BodyPublisher source;
    private final LongUnaryOperator reserve;

    /**
     * @param reserve given the size of a chunk about to be sent, the nanoseconds to wait before the next one
     */
    public ThrottledPublisher(HttpRequest.BodyPublisher source, LongUnaryOperator reserve) {
        this.source = source;
        this.reserve = reserve;
    }

    @Override
    public long contentLength() {
        return source.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        source.subscribe(new Gate(subscriber));
    }

    private final class Gate implements Flow.Subscriber<ByteBuffer>, Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> downstream;
        private Flow.Subscription upstream;
        // Guarded by this.
        private long demand;
        private boolean outstanding;
        private boolean waiting;
        private boolean cancelled;

        Gate(Flow.Subscriber<? super ByteBuffer> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            upstream = subscription;
            downstream.onSubscribe(this);
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                // Rule 3.9 is the source's to signal.
                upstream.request(n);
                return;
            }
            synchronized (this) {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
            pull();
        }

        /** Asks the source for one chunk when the receiver wants one and the limit allows. */
        private void pull() {
            synchronized (this) {
                if (cancelled || outstanding || waiting || demand == 0) {
                    return;
                }
                outstanding = true;
            }
            upstream.request(1);
        }

        @Override
        public void onNext(ByteBuffer chunk) {
            long wait = reserve.applyAsLong(chunk.remaining());
            synchronized (this) {
                outstanding = false;
                if (demand != Long.MAX_VALUE) {
                    demand--;
                }
                waiting = wait > 0;
            }
            downstream.onNext(chunk);
            if (wait > 0) {
                CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, VIRTUAL).execute(() -> {
                    synchronized (this) {
                        waiting = false;
                    }
                    pull();
                });
            } else {
                pull();
            }
        }

        @Override
        public void onError(Throwable failure) {
            downstream.onError(failure);
        }

        @Override
        public void onComplete() {
            downstream.onComplete();
        }

        @Override
        public void cancel() {
            synchronized (this) {
                cancelled = true;
            }
            upstream.cancel();
        }
    }
}
