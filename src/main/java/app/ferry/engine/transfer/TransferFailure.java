package app.ferry.engine.transfer;

import app.ferry.engine.Problem;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Faults a transfer reports with a reason meant for the person using Ferry: English words, and
 * where the engine has one, the {@link Problem} code and arguments a front end renders in its
 * own language.
 */
public abstract sealed class TransferFailure extends IOException {

    private final transient Problem problem;

    private TransferFailure(String message, Problem problem, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    /** The code and arguments of this failure, or null when it has English words only. */
    public Problem problem() {
        return problem;
    }

    /** Worth another attempt (408, 429, 5xx, a dropped connection), perhaps after the server's Retry-After. */
    public static final class Retryable extends TransferFailure {
        private final transient Duration retryAfter;
        /** The HTTP status that said "try again", or 0 when no answer arrived. */
        private final int status;

        public Retryable(String message, Duration retryAfter, Throwable cause) {
            this(message, null, 0, retryAfter, cause);
        }

        private Retryable(String message, Problem problem, int status, Duration retryAfter, Throwable cause) {
            super(message, problem, cause);
            this.retryAfter = retryAfter;
            this.status = status;
        }

        /**
         * The server answered with {@code status} (408, 429, 5xx): it may have acted on the request,
         * which matters for a request that must not be sent twice (see {@link RetryPolicy}).
         */
        public static Retryable answered(int status, String message, Duration retryAfter) {
            return new Retryable(message, null, status, retryAfter, null);
        }

        /** {@link #answered(int, String, Duration)} with a code: the message is its English. */
        public static Retryable answered(int status, Problem problem, Duration retryAfter) {
            return new Retryable(problem.english(), problem, status, retryAfter, null);
        }

        /** A fault with a code that waiting may fix; the message is its English. */
        public static Retryable of(Problem problem) {
            return new Retryable(problem.english(), problem, 0, null, null);
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
            super(message, null, cause);
        }

        public Fatal(String message) {
            this(message, (Throwable) null);
        }

        /** A fault with a code; the message is its English. */
        public Fatal(Problem problem) {
            super(problem.english(), problem, null);
        }

        public Fatal(Problem problem, Throwable cause) {
            super(problem.english(), problem, cause);
        }
    }
}
