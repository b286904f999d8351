package app.ferry.engine.download;

import app.ferry.engine.Problem;

/**
 * A server that offered ranges answered one with the whole file, or with another part than the
 * one asked for: start over on one connection, which needs no range but the resume's.
 */
final class RangesRefused extends RestartFromZero {

    RangesRefused(Problem problem) {
        super(problem);
    }

    RangesRefused(Problem problem, Throwable cause) {
        super(problem, cause);
    }
}
