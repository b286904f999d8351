package app.ferry;

import app.ferry.cli.FerryCli;
import app.ferry.handoff.InstancePaths;
import app.ferry.handoff.Reply;
import app.ferry.handoff.SingleInstance;
import app.ferry.ui.FerryApp;
import java.io.IOException;
import java.util.Optional;

/**
 * Entry point of the jar and of the packaged launcher. With no arguments it brings the running
 * Ferry window to the front, or opens the GUI when none runs; with any argument it runs the
 * command line, which never touches the display.
 *
 * <p>It does not extend {@code Application}: a main class that does would make the JDK's
 * launcher demand JavaFX modules on the module path before {@code main} runs.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        JvmTuning.apply();
        if (args.length == 0) {
            Optional<Integer> raised = raiseRunningWindow();
            if (raised.isPresent()) {
                System.exit(raised.get());
            }
            // The packaged `ferry` command hands the window to the window's launcher (WindowProcess).
            var windowLauncher = WindowProcess.configured(System.getProperty(WindowProcess.PROPERTY));
            if (windowLauncher.isPresent()) {
                System.exit(WindowProcess.run(windowLauncher.get()));
            }
            FerryApp.launchGui(args);
        } else {
            System.exit(FerryCli.run(args));
        }
    }

    /**
     * When a Ferry window already runs (checked before any JavaFX class loads), asks it to come to
     * the front and returns this process's exit code; empty when this process should open the window.
     */
    private static Optional<Integer> raiseRunningWindow() {
        try {
            Optional<Reply> reply = SingleInstance.raiseRunning(InstancePaths.forCurrentUser());
            if (reply.isPresent() && reply.get().isError()) {
                System.err.println("ferry: the running Ferry window answered: " + reply.get().message());
                return Optional.of(1);
            }
            return reply.map(r -> 0);
        } catch (IOException e) {
            System.err.println("ferry: could not reach a running Ferry window (" + e.getMessage() + "); opening one");
            return Optional.empty();
        }
    }
}
