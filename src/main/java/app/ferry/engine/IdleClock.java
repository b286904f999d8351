package app.ferry.engine;

import java.util.concurrent.TimeUnit;

/**
 * What the idle watchdog judges for one task: when it last moved a byte, whether it now waits for
 * a server's answer to a whole upload body, and whether the watchdog cut its attempt. Written by
 * the task's thread and the HTTP client's, read by the watchdog: plain volatile fields.
 */
final class IdleClock {

    /**
     * How long a server may work on a whole upload body before it answers, however short the idle
     * timeout: Firefox's {@code network.http.response.timeout} (300 s). A server storing or checking
     * a large file sends nothing meanwhile; cutting it off at the idle timeout would send the whole
     * body again, and a POST twice.
     */
    static final long AWAITING_RESPONSE_NANOS = TimeUnit.SECONDS.toNanos(300);

    private volatile long lastTouchNanos = System.nanoTime();
    /** While an upload's whole body is with the HTTP client and the server has not answered yet. */
    private volatile boolean awaitingResponse;
    /** Set by the watchdog's abort, so the failure it causes is told as such, not as "closed". */
    private volatile boolean aborted;
    /** How long nothing came before the watchdog's last abort. */
    private volatile long abortedAfterSeconds;

    void touch() {
        lastTouchNanos = System.nanoTime();
    }

    void awaitingResponse(boolean waiting) {
        awaitingResponse = waiting;
    }

    boolean awaitingResponse() {
        return awaitingResponse;
    }

    /**
     * True when nothing moved for {@code idleNanos} (for {@link #AWAITING_RESPONSE_NANOS} at least
     * while awaiting a response); then the clock starts again and the abort is remembered.
     */
    boolean expired(long nowNanos, long idleNanos) {
        long limit = awaitingResponse ? Math.max(idleNanos, AWAITING_RESPONSE_NANOS) : idleNanos;
        if (nowNanos - lastTouchNanos < limit) {
            return false;
        }
        lastTouchNanos = nowNanos;
        abortedAfterSeconds = TimeUnit.NANOSECONDS.toSeconds(limit);
        aborted = true;
        return true;
    }

    boolean aborted() {
        return aborted;
    }

    long abortedAfterSeconds() {
        return abortedAfterSeconds;
    }

    /** After an attempt: its abort is told, and no publisher's late "all sent" outlives it. */
    void attemptEnded() {
        aborted = false;
        awaitingResponse = false;
    }

    /** Before a run. */
    void reset() {
        touch();
        awaitingResponse = false;
    }
}
