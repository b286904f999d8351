package app.ferry.engine;

import java.util.function.BooleanSupplier;

/**
 * The low-speed rule of one task (curl's {@code --speed-limit}/{@code --speed-time}): a window
 * opens when body bytes start to move; if it fills with {@code bytesPerSecond} times its length
 * the next one starts, and if its time runs out first the attempt is too slow. It runs only while
 * a body moves: a new request, a retry's back-off or a restart from zero close it, and the next
 * byte opens a new one. Written by the task's thread, read by the watchdog; a torn pair of
 * fields costs at most one window's precision.
 */
final class LowSpeedWindow {

    /** When the window opened, or 0 while none is open. */
    private volatile long start;
    private volatile long bytesAtStart;

    /** Called per chunk: opens a window when none is open. */
    void bytesMoved(long bytesDone) {
        if (start == 0) {
            open(System.nanoTime(), bytesDone);
        }
    }

    void close() {
        start = 0;
    }

    /**
     * Called by the watchdog; true when the window's time ran out before it filled. Closes the
     * window when {@code exempt} (a retry's back-off, a rate limit below the rule).
     */
    boolean tooSlow(long nowNanos, long bytesDone, long bytesPerSecond, long windowNanos, BooleanSupplier exempt) {
        long opened = start;
        if (opened == 0) {
            return false;
        }
        if (exempt.getAsBoolean()) {
            start = 0;
            return false;
        }
        if (bytesDone - bytesAtStart >= bytesPerSecond * (windowNanos / 1e9)) {
            // Enough for the whole window already: the next window starts now.
            open(nowNanos, bytesDone);
            return false;
        }
        if (nowNanos - opened < windowNanos) {
            return false;
        }
        start = 0;
        return true;
    }

    private void open(long nowNanos, long bytesDone) {
        bytesAtStart = bytesDone;
        // 0 means "none open"; a clock that reads 0 is off by a nanosecond, harmlessly.
        start = nowNanos == 0 ? 1 : nowNanos;
    }
}
