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

        public Retryable(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
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
