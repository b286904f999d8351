package app.ferry.engine.transfer;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A token bucket for bytes per second, shared by any number of connections, lock-free.
 *
 * <p>Kept as one number, the "theoretical arrival time" of the generic cell rate algorithm
 * (ITU-T I.371, the form used by many API rate limiters): every {@link #reserve} moves it forward
 * by the time the bytes take at the limit, and answers how long the caller must wait for its bytes
 * to be in time. One compare-and-set per chunk (64 KiB to 1 MiB), never per byte.
 *
 * <p>A bucket holds {@link #BURST_NANOS} worth of bytes: an idle connection may send that much at
 * once, so over a 10 s window the rate overshoots the limit by at most ~1%, plus one chunk.
 *
 * <p>The limit may change at any time; the bucket then forgets its debt, and {@link #await}
 * returns early so that nobody sleeps out a wait computed for the old limit.
 */
public final class RateLimiter {

    /** How much unused time the bucket keeps: 100 ms of bytes at the current rate. */
    static final long BURST_NANOS = 100_000_000L;
    /** Reads under a limit are cut to 1/64 s of it, but not below this. */
    private static final int MIN_CHUNK = 16 * 1024;
    /** A waiter re-checks for a stop or a new limit at least this often. */
    private static final long MAX_PARK_NANOS = 50_000_000L;

    private final LongSupplier nanoClock;
    /** The instant up to which the bytes already reserved are paid for. */
    private final AtomicLong paidUntil = new AtomicLong();
    private volatile long bytesPerSecond;
    private volatile int generation;

    public RateLimiter(long bytesPerSecond, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        setRate(bytesPerSecond);
    }

    /** A limiter on the system's monotonic clock; {@code 0} means unlimited. */
    public static RateLimiter of(long bytesPerSecond) {
        return new RateLimiter(bytesPerSecond, System::nanoTime);
    }

    /** Bytes per second, 0 for no limit. */
    public long rate() {
        return bytesPerSecond;
    }

    public boolean isLimited() {
        return bytesPerSecond > 0;
    }

    /**
     * How much to read at once under this limit: each connection pays after its read, so up to one
     * read per connection runs ahead of the limit. At 1/64 s of the rate per read, even 16
     * connections stay within a quarter of a second of it.
     */
    public int chunk(int buffer) {
        long rate = bytesPerSecond;
        return rate <= 0 ? buffer : (int) Math.min(buffer, Math.max(MIN_CHUNK, rate / 64));
    }

    /** Takes a new limit at once (0 lifts it). Unchanged limits keep the bucket as it is. */
    public synchronized void setRate(long newBytesPerSecond) {
        if (newBytesPerSecond < 0) {
            throw new IllegalArgumentException("A rate limit cannot be negative: " + newBytesPerSecond);
        }
        if (newBytesPerSecond == bytesPerSecond && generation != 0) {
            return;
        }
        paidUntil.set(nanoClock.getAsLong() - BURST_NANOS);
        bytesPerSecond = newBytesPerSecond;
        generation++;
    }

    /**
     * Accounts for {@code bytes} sent or received now.
     *
     * @return nanoseconds to wait before more bytes may move, 0 when within the limit
     */
    public long reserve(long bytes) {
        long rate = bytesPerSecond;
        if (rate <= 0 || bytes <= 0) {
            return 0;
        }
        long cost = costNanos(bytes, rate);
        long now = nanoClock.getAsLong();
        while (true) {
            long paid = paidUntil.get();
            long start = Math.max(paid, now - BURST_NANOS);
            long next = start + cost;
            if (paidUntil.compareAndSet(paid, next)) {
                return Math.max(0, next - now);
            }
        }
    }

    private static long costNanos(long bytes, long rate) {
        // bytes * 1e9 / rate, exact below 9 GB per call.
        return bytes < Long.MAX_VALUE / 1_000_000_000L
                ? bytes * 1_000_000_000L / rate
                : (long) (bytes * 1e9 / rate);
    }

    /**
     * Waits out a reservation on the calling (virtual) thread. Returns early when {@code stop}
     * turns true or when the limit changes.
     *
     * @return false when it returned because of {@code stop}
     */
    public boolean await(long nanos, BooleanSupplier stop) {
        if (nanos <= 0) {
            return !stop.getAsBoolean();
        }
        int seen = generation;
        long deadline = nanoClock.getAsLong() + nanos;
        while (true) {
            if (stop.getAsBoolean()) {
                return false;
            }
            long left = deadline - nanoClock.getAsLong();
            if (left <= 0 || generation != seen) {
                return true;
            }
            LockSupport.parkNanos(Math.min(left, MAX_PARK_NANOS));
        }
    }

    int generation() {
        return generation;
    }
}
