package app.ferry.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window. */
public final class FerryApp extends Application {

    public static void launchGui(String[] args) {
        Application.launch(FerryApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        new MainWindow().show(stage);
    }
}
