package app.ferry.testing;

import app.ferry.Main;
import app.ferry.cli.FerryCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code ferry} command line the two ways tests need: in this JVM with captured output
 * (fast), or as a child JVM on the test class path (a real process: {@code kill -9}, a small heap,
 * piped standard input).
 */
public final class FerryRunner {

    /** What a finished run left behind; {@code err} holds the child's stderr, {@code out} its stdout. */
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

    /**
     * A child JVM running {@code ferry ARGS}, its stdout and stderr going to files in {@code logDir};
     * its stdin is a pipe the caller may write to (and must close when the command reads it).
     */
    public static Child start(Path logDir, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Djava.awt.headless=true");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(logDir, "ferry-", ".out");
        Path err = Files.createTempFile(logDir, "ferry-", ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new Child(process, out, err);
    }

    /** {@code ferry ARGS} in a child JVM, with nothing on its stdin, waited for. */
    public static Result inChildJvm(Path logDir, Duration timeout, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Child child = start(logDir, jvmOptions, args);
        child.process().getOutputStream().close();
        return child.await(timeout);
    }

    /** A running child JVM. */
    public record Child(Process process, Path out, Path err) {

        /** Waits for the exit; a child still running after {@code timeout} is killed and the test fails. */
        public Result await(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("ferry did not finish within " + timeout + "\n" + result(-1));
            }
            return result(process.exitValue());
        }

        /** {@code kill -9}: no shutdown hook runs, nothing is saved beyond the last checkpoint. */
        public void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        private Result result(int code) {
            try {
                return new Result(code, Files.readString(out), Files.readString(err));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
