package app.ferry.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves: rates are computed, never measured with sleeps. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MIB = 1 << 20;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);

    /** Sends chunks over {@code connections} that each wait out their own reservation; returns bytes moved in the window. */
    private long simulate(RateLimiter limiter, int connections, long chunk, long windowNanos) {
        return simulate(limiter, connections, chunk, 0, windowNanos);
    }

    /** As above, counting only the bytes that arrive after {@code warmUpNanos}. */
    private long simulate(RateLimiter limiter, int connections, long chunk, long warmUpNanos, long windowNanos) {
        long start = clock.get();
        long countFrom = start + warmUpNanos;
        windowNanos += warmUpNanos;
        long[] readyAt = new long[connections];
        java.util.Arrays.fill(readyAt, start);
        long bytes = 0;
        while (true) {
            int next = 0;
            for (int i = 1; i < connections; i++) {
                if (readyAt[i] < readyAt[next]) {
                    next = i;
                }
            }
            if (readyAt[next] >= start + windowNanos) {
                return bytes;
            }
            clock.set(readyAt[next]);
            long wait = limiter.reserve(chunk);
            if (clock.get() >= countFrom) {
                bytes += chunk;
            }
            readyAt[next] = clock.get() + wait;
        }
    }

    @Test
    void oneConnectionKeepsToTheLimitWithinOnePercentOverTenSeconds() {
        RateLimiter limiter = new RateLimiter(5 * MIB, clock::get);

        long bytes = simulate(limiter, 1, 256 * 1024, 10 * SECOND);

        assertThat(bytes / 10.0).isBetween(5 * MIB * 0.99, 5 * MIB * 1.02);
    }

    @Test
    void sixteenConnectionsShareOneLimitWithinFivePercentFromAColdStart() {
        RateLimiter limiter = new RateLimiter(5 * MIB, clock::get);

        long bytes = simulate(limiter, 16, limiter.chunk(1 << 20), 10 * SECOND);

        assertThat(limiter.chunk(1 << 20)).isEqualTo(80 * 1024);
        assertThat(bytes / 10.0).isBetween(5 * MIB * 0.99, 5 * MIB * 1.05);
    }

    @Test
    void onceRunningTheRateIsExact() {
        RateLimiter limiter = new RateLimiter(8 * MIB, clock::get);

        long bytes = simulate(limiter, 8, 1 << 20, 2 * SECOND, 10 * SECOND);

        assertThat(bytes / 10.0).isBetween(8 * MIB * 0.99, 8 * MIB * 1.01);
    }

    @Test
    void aNewLimitTakesEffectAtOnce() {
        RateLimiter limiter = new RateLimiter(10 * MIB, clock::get);
        simulate(limiter, 2, 512 * 1024, 3 * SECOND);

        limiter.setRate(1 * MIB);
        long slower = simulate(limiter, 2, 64 * 1024, 10 * SECOND);
        limiter.setRate(20 * MIB);
        long faster = simulate(limiter, 2, 1 << 20, 10 * SECOND);

        assertThat(slower / 10.0).isBetween(1 * MIB * 0.95, 1 * MIB * 1.05);
        assertThat(faster / 10.0).isBetween(20 * MIB * 0.95, 20 * MIB * 1.05);
    }

    @Test
    void anIdleBucketAllowsABurstOfATenthOfASecond() {
        RateLimiter limiter = new RateLimiter(10 * MIB, clock::get);
        clock.addAndGet(5 * SECOND);

        assertThat(limiter.reserve(MIB)).isZero();
        assertThat(limiter.reserve(MIB)).isEqualTo(SECOND / 10);
    }

    @Test
    void noLimitMeansNoWait() {
        RateLimiter limiter = new RateLimiter(0, clock::get);

        assertThat(limiter.isLimited()).isFalse();
        assertThat(limiter.reserve(1L << 40)).isZero();
    }

    @Test
    void concurrentReservationsAreAllPaidFor() throws Exception {
        RateLimiter limiter = new RateLimiter(MIB, clock::get);
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = Thread.ofPlatform().start(() -> {
                for (int j = 0; j < 10_000; j++) {
                    limiter.reserve(1024);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // 40,000 KiB at 1 MiB/s, less the 100 ms burst: every reservation moved the bucket.
        long expected = 40_000L * 1024 * SECOND / MIB - RateLimiter.BURST_NANOS;
        assertThat(limiter.reserve(0)).isZero();
        // Each 1 KiB costs 976,562.5 ns, rounded down: 20 µs over 40,000 reservations.
        assertThat(limiter.reserve(1)).isBetween(expected - SECOND / 1000, expected + SECOND / 1000);
    }

    @Test
    void aWaiterReturnsOnStopOrOnANewLimit() throws Exception {
        RateLimiter limiter = RateLimiter.of(1024);
        assertThat(limiter.await(TimeUnit.HOURS.toNanos(1), () -> true)).isFalse();

        AtomicLong returned = new AtomicLong(-1);
        Thread waiter = Thread.ofVirtual().start(() ->
                returned.set(limiter.await(TimeUnit.HOURS.toNanos(1), () -> false) ? 1 : 0));
        while (waiter.getState() != Thread.State.WAITING && waiter.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        limiter.setRate(0);
        waiter.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(returned.get()).isEqualTo(1);
    }
}
