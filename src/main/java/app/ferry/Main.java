package app.ferry;

import app.ferry.cli.FerryCli;
import app.ferry.ui.FerryApp;

/**
 * Entry point of the jar and of the packaged launcher. With no arguments it opens the GUI,
 * with any argument it runs the command line, which never touches the display.
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
            // The packaged `ferry` command hands the window to the window's launcher (WindowLauncher).
            var windowLauncher = WindowLauncher.configured(System.getProperty(WindowLauncher.PROPERTY));
            if (windowLauncher.isPresent()) {
                System.exit(WindowLauncher.run(windowLauncher.get()));
            }
            FerryApp.launchGui(args);
        } else {
            System.exit(FerryCli.run(args));
        }
    }
}
