package app.ferry.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application: one main window. Its folders come from {@link AppContext#fromSystem()}
 * ({@code -Dferry.dataDir}, {@code -Dferry.downloadDir} override them).
 */
public final class FerryApp extends Application {

    private MainWindow window;

    public static void launchGui(String[] args) {
        Application.launch(FerryApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        window = AppStartup.showWindow(AppContext.fromSystem(), DesktopOpeners.of(getHostServices()), stage).orElse(null);
        if (window == null) {
            // Another Ferry owns the queue: the error alert was shown; quit once it is closed.
            Platform.setImplicitExit(true);
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose(false);
        }
    }
}
