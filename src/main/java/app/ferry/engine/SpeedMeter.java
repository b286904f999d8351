package app.ferry.engine;

/**
 * Recent transfer speed, from samples taken whenever someone asks for a snapshot. A sample
 * closer than {@link #MIN_INTERVAL_NANOS} to the previous one reuses the last value, so speed
 * does not jitter with how often a view repaints.
 */
final class SpeedMeter {

    private static final long MIN_INTERVAL_NANOS = 500_000_000L;
    /** Weight of the newest sample: about the last three seconds dominate. */
    private static final double ALPHA = 0.3;

    private long lastBytes = -1;
    private long lastNanos;
    private double rate;

    synchronized long sample(long bytes, long nowNanos) {
        if (lastBytes < 0 || bytes < lastBytes) {
            lastBytes = bytes;
            lastNanos = nowNanos;
            rate = 0;
            return 0;
        }
        long elapsed = nowNanos - lastNanos;
        if (elapsed >= MIN_INTERVAL_NANOS) {
            double current = (bytes - lastBytes) * 1e9 / elapsed;
            rate = rate == 0 ? current : ALPHA * current + (1 - ALPHA) * rate;
            lastBytes = bytes;
            lastNanos = nowNanos;
        }
        return Math.round(rate);
    }

    synchronized void reset() {
        lastBytes = -1;
        rate = 0;
    }
}
