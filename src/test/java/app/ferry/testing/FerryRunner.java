package app.ferry.testing;

import app.ferry.cli.FerryCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the {@code ferry} command line in this JVM with its output captured: fast, for everything
 * that does not need a real process ({@link FerryProcess} is for {@code kill -9}, a small heap or
 * piped standard input).
 */
public final class FerryRunner {

    /** What a finished run printed. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    private FerryRunner() {
    }

    /** {@code ferry ARGS} in this JVM. */
    public static Result inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
