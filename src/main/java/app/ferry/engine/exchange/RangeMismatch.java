package app.ferry.engine.exchange;

import app.ferry.engine.Problem;
import java.io.IOException;
import java.util.List;

/**
 * A 206 that is not the part that was asked for. Not retryable as it is: the caller decides
 * whether to start again or to stop asking for ranges.
 */
public final class RangeMismatch extends IOException {

    /** {@link Problem.Code#RANGE_MISMATCH}: the server's Content-Range (or ""), the asked first and last byte. */
    private final transient Problem problem;

    RangeMismatch(String english, String contentRange, ExchangeRequest asked) {
        super(english);
        this.problem = new Problem(Problem.Code.RANGE_MISMATCH, List.of(contentRange, String.valueOf(asked.offset()),
                asked.rangeLast() >= 0 ? String.valueOf(asked.rangeLast()) : ""), english, false);
    }

    public Problem problem() {
        return problem;
    }
}
