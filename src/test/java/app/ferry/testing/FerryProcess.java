package app.ferry.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ferry ARGS…} in a child JVM on the test class path, with its output in files (a pipe
 * nobody reads could block it). For tests that kill the process or need a second process.
 */
public final class FerryProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private FerryProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code app.ferry.Main args…}; its stdout and stderr go to files under {@code logDir}. */
    public static FerryProcess start(Path logDir, String name, String... args) {
        return start(logDir, name, List.of(), args);
    }

    /** The same with more JVM options, e.g. {@code -Xmx64m} (a later {@code -Xmx} wins over the default one). */
    public static FerryProcess start(Path logDir, String name, List<String> jvmOptions, String... args) {
        return start(logDir, name, jvmOptions, Map.of(), args);
    }

    /**
     * The same with variables added to the child's environment ({@code https_proxy},
     * {@code SSL_CERT_FILE}): the test's own environment is left as it is.
     */
    public static FerryProcess start(Path logDir, String name, List<String> jvmOptions, Map<String, String> environment,
                                     String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Start fast on a busy machine: these runs are short.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "app.ferry.Main"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(name + ".out");
            Path err = logDir.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new FerryProcess(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process's standard input, a pipe: close it when the command reads it to the end ({@code ferry put -}). */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as {@code kill -9} does: no shutdown hook runs. Waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** Waits for the exit code; fails (and kills the process) if it takes longer than {@code timeout}. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ferry did not exit within " + timeout + "; stderr:\n" + stderr());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    public String stdout() {
        return read(out);
    }

    public String stderr() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
