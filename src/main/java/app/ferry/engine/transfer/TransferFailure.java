package app.ferry.engine.transfer;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Faults a transfer reports with a reason meant for the person using Ferry. */
public abstract sealed class TransferFailure extends IOException {

    private TransferFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Worth another attempt (408, 429, 5xx, a dropped connection), perhaps after the server's Retry-After. */
    public static final class Retryable extends TransferFailure {
        private final transient Duration retryAfter;
        /** The HTTP status that said "try again", or 0 when no answer arrived. */
        private final int status;

        public Retryable(String message, Duration retryAfter, Throwable cause) {
            this(message, 0, retryAfter, cause);
        }

        private Retryable(String message, int status, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
            this.status = status;
        }

        /**
         * The server answered with {@code status} (408, 429, 5xx): it may have acted on the request,
         * which matters for a request that must not be sent twice (see {@link RetryPolicy}).
         */
        public static Retryable answered(int status, String message, Duration retryAfter) {
            return new Retryable(message, status, retryAfter, null);
        }

        /** The status of the answer that asked for a retry, or 0 when the request got no answer. */
        public int status() {
            return status;
        }

        public Retryable(String message) {
            this(message, null, null);
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** Another attempt would fail the same way (404, a checksum mismatch, a full disk). */
    public static final class Fatal extends TransferFailure {
        public Fatal(String message, Throwable cause) {
            super(message, cause);
        }

        public Fatal(String message) {
            this(message, null);
        }
    }
}
