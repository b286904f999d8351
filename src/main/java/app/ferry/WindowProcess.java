package app.ferry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The window's own launcher, for the {@code ferry} command started with no argument.
 *
 * <p>The packaged {@code ferry} runs a JVM sized for a headless transfer (a 64 MiB heap, C1 only);
 * the window needs more (10,000 rows, JavaFX), which its launcher {@code bin/Ferry} has. So
 * {@code ferry} alone starts that launcher instead of opening the window in its own JVM. The
 * packaging names it in the system property {@value #PROPERTY}; {@code java -jar} does not, and
 * opens the window itself as before.
 */
final class WindowProcess {

    static final String PROPERTY = "ferry.window.launcher";

    private WindowProcess() {
    }

    /** The launcher named by {@code value} ({@value #PROPERTY}), if set; set but missing is an error. */
    static Optional<Path> configured(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path launcher = Path.of(value).normalize();
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("The window's launcher " + launcher + " is missing or not executable;"
                    + " reinstall Ferry, or open the window with " + launcher + " from a complete installation.");
        }
        return Optional.of(launcher);
    }

    /**
     * Runs the window's launcher with this terminal and waits for it, so that {@code ferry} behaves
     * as the window's launcher does (it returns when the window closes, with its exit code).
     */
    static int run(Path launcher) throws IOException, InterruptedException {
        return new ProcessBuilder(launcher.toString()).inheritIO().start().waitFor();
    }
}
