package app.ferry.engine;

/**
 * A URL Ferry cannot download. The message says what is wrong with it and what the user can do,
 * so the command line can show it as is; the {@link #problem()} says it with a code, for a front
 * end that speaks another language.
 */
public final class InvalidUrlException extends IllegalArgumentException {

    private final transient Problem problem;

    public InvalidUrlException(String message) {
        this(message, null);
    }

    public InvalidUrlException(String message, Throwable cause) {
        super(message, cause);
        this.problem = Problem.stated(message, false);
    }

    public InvalidUrlException(Problem problem, Throwable cause) {
        super(problem.english(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
