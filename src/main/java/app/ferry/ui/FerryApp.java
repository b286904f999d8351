package app.ferry.ui;

import app.ferry.handoff.HandOffServer;
import app.ferry.handoff.InstancePaths;
import app.ferry.handoff.SingleInstance;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application: one main window. Its folders come from {@link AppContext#fromSystem()}
 * ({@code -Dferry.dataDir}, {@code -Dferry.downloadDir} override them).
 */
public final class FerryApp extends Application {

    private static final Logger LOG = Logger.getLogger(FerryApp.class.getName());

    private MainWindow window;
    private HandOffServer handOff;

    public static void launchGui(String[] args) {
        Application.launch(FerryApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        AppContext context = AppContext.fromSystem();
        try {
            Optional<HandOffServer> primary = SingleInstance.primaryOrRaise(InstancePaths.in(context.settingsDir()));
            if (primary.isEmpty()) {
                Platform.exit(); // Another Ferry window runs and came to the front.
                return;
            }
            handOff = primary.get();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "No single-instance channel: later starts will open windows of their own", e);
        }
        // Serves the socket at once (a browser's hand-off is not kept waiting by the proxy password prompt).
        window = AppStartup.showWindow(context, DesktopOpeners.of(getHostServices()), stage, handOff).orElse(null);
        if (window == null) {
            // Another Ferry owns the queue: the error alert was shown; quit once it is closed.
            Platform.setImplicitExit(true);
            closeHandOff();
        }
    }

    @Override
    public void stop() {
        closeHandOff();
        if (window != null) {
            window.dispose(false);
        }
    }

    /** Removes the socket first, so a start from now on opens a window instead of handing to this closing one. */
    private void closeHandOff() {
        if (handOff == null) {
            return;
        }
        try {
            handOff.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove the single-instance socket; the next start replaces it", e);
        }
        handOff = null;
    }
}
