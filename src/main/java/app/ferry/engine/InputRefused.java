package app.ferry.engine;

/**
 * Input the engine refuses (a file name with a folder in it, a rename of an upload): still an
 * {@link IllegalArgumentException}, and with the {@link Problem} a front end renders in its own
 * language instead of the English message.
 */
public final class InputRefused extends IllegalArgumentException {

    private final transient Problem problem;

    public InputRefused(Problem problem) {
        super(problem.english());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
