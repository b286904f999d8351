package app.ferry.engine.net;

import app.ferry.engine.Problem;
import java.util.Objects;

/**
 * A proxy address Ferry cannot use, with its coded {@link Problem} so the window can say why in
 * its own language; the message stays the English the command line prints.
 */
public final class InvalidProxyException extends IllegalArgumentException {

    private final transient Problem problem;

    InvalidProxyException(Problem problem) {
        super(problem.english());
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
