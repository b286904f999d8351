package app.ferry.engine.exchange;

import java.io.IOException;

/**
 * A 206 that is not the part that was asked for. Not retryable as it is: the caller decides
 * whether to start again or to stop asking for ranges.
 */
public final class RangeMismatch extends IOException {

    public RangeMismatch(String message) {
        super(message);
    }
}
