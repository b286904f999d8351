package app.ferry.handoff;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the Ferry window as a process of its own, detached from the command that started it,
 * and waits until its socket accepts: what {@code ferry add} does when no window runs.
 *
 * <p>The window is started the way this process was: through the packaged launcher when there is
 * one (jpackage's launcher sets {@code jpackage.app-path}; it adds the JVM options itself), else
 * the same {@code java} with the same JVM options and class path and {@code app.ferry.Main} with
 * no argument. On Linux {@code setsid} puts it in a session of its own, so closing the terminal
 * does not take the window with it. Its output goes to {@code instance/window.log}.
 */
public final class WindowLauncher {

    static final String MAIN_CLASS = "app.ferry.Main";

    private WindowLauncher() {
    }

    /** The command that opens the window, as this process was started. */
    static List<String> windowCommand() {
        // The packaged `ferry` command names the window's own launcher (bin/Ferry, with the
        // window's heap): starting it directly spares a `ferry` process waiting for the window.
        String windowLauncher = System.getProperty("ferry.window.launcher");
        if (windowLauncher != null && !windowLauncher.isBlank() && Files.isExecutable(Path.of(windowLauncher))) {
            return List.of(Path.of(windowLauncher).normalize().toString());
        }
        String appPath = System.getProperty("jpackage.app-path");
        if (appPath != null && !appPath.isBlank()) {
            return List.of(appPath);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        return command;
    }

    /**
     * Starts the window and connects to it.
     *
     * @throws IOException when it could not be started, exited early, or did not accept within {@code timeout}
     */
    public static HandOffClient startAndConnect(InstancePaths paths, Duration timeout) throws IOException {
        OwnerOnly.directory(paths.directory());
        Path log = paths.directory().resolve("window.log");
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.addAll(windowCommand());
        Process window = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        window.getOutputStream().close(); // The window reads nothing: no pipe left open to a terminal.
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<HandOffClient> client = HandOffClient.connect(paths);
            if (client.isPresent()) {
                return client.get();
            }
            if (!window.isAlive()) {
                try {
                    // It may have lost a race to another window that is starting: that one will answer.
                    return HandOffClient.awaitConnect(paths, Duration.ofSeconds(2));
                } catch (IOException e) {
                    throw new IOException("the Ferry window exited with code " + window.exitValue()
                            + " before accepting connections; see " + log, e);
                }
            }
            if (System.nanoTime() - end > 0) {
                throw new IOException("the Ferry window started (pid " + window.pid() + ") but did not accept"
                        + " connections on " + paths.socket() + " within " + timeout.toSeconds() + " s; see " + log);
            }
            sleep();
        }
    }

    private static Optional<String> setsid() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the Ferry window to start", e);
        }
    }
}
