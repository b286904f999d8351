package app.ferry.testing;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the request bytes servlets read and can hold them at a given total until released,
 * so a pause or a {@code kill -9} lands in the middle of a body at a known place, without
 * sleeping. Servlets mounted on a {@link TestServer} pass their requests through {@link #serve}.
 */
public final class BodyGate {

    /** A servlet body that may throw what servlets throw. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpServletRequest request) throws Exception;
    }

    /** One request body as the server read it: tus {@code Upload-Offset} (or -1) and the bytes read. */
    public record BodyRead(String method, long uploadOffset, long bytes) {
    }

    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger active = new AtomicInteger();
    private final List<BodyRead> reads = new CopyOnWriteArrayList<>();
    private volatile long holdAt = Long.MAX_VALUE;
    private volatile CountDownLatch held = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(0);

    /** Reading stops once {@code total} bytes (over all requests so far) were read, until {@link #release()}. */
    public synchronized void holdAt(long total) {
        held = new CountDownLatch(1);
        released = new CountDownLatch(1);
        holdAt = total;
    }

    /** Waits until a reader reached the hold point. */
    public void awaitHeld(Duration timeout) throws InterruptedException {
        if (!held.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server never read up to byte " + holdAt + "; it read " + received.get());
        }
    }

    public synchronized void release() {
        holdAt = Long.MAX_VALUE;
        released.countDown();
    }

    /** Bytes read by servlets, over all requests. */
    public long received() {
        return received.get();
    }

    /** Requests still inside {@link #serve}. */
    public int activeRequests() {
        return active.get();
    }

    /** Every body read so far, in the order the requests finished. */
    public List<BodyRead> reads() {
        return List.copyOf(reads);
    }

    public void serve(HttpServletRequest request, Handler handler) throws Exception {
        active.incrementAndGet();
        AtomicLong bytes = new AtomicLong();
        try {
            handler.handle(new HttpServletRequestWrapper(request) {
                private ServletInputStream in;

                @Override
                public ServletInputStream getInputStream() throws IOException {
                    if (in == null) {
                        in = new Counting(request.getInputStream(), bytes);
                    }
                    return in;
                }
            });
        } finally {
            String offset = request.getHeader("Upload-Offset");
            reads.add(new BodyRead(request.getMethod(), offset == null ? -1 : Long.parseLong(offset), bytes.get()));
            active.decrementAndGet();
        }
    }

    private final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final AtomicLong bytes;

        Counting(ServletInputStream in, AtomicLong bytes) {
            this.in = in;
            this.bytes = bytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long allowed = holdAt - received.get();
            if (allowed <= 0) {
                held.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("held body interrupted");
                }
                allowed = Long.MAX_VALUE;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, allowed));
            if (n > 0) {
                received.addAndGet(n);
                bytes.addAndGet(n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
