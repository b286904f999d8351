package app.ferry.engine.transfer;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so a
 * thousand clients cut off together do not come back together, yet none retries at once.
 */
public record Backoff(Duration base, Duration cap, Duration retryAfterCap) {

    /** The delay before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt, Duration retryAfter) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 30));
        long half = ceiling / 2;
        long jittered = half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1));
        if (retryAfter != null) {
            // The server knows its own load better than our formula does, but a server asking
            // for hours must not park a task forever.
            jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), retryAfterCap.toMillis()));
        }
        return Duration.ofMillis(jittered);
    }
}
