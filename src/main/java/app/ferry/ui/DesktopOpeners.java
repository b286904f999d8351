package app.ferry.ui;

import java.awt.Desktop;
import java.nio.file.Path;
import javafx.application.HostServices;

/** Opening files with the desktop: JavaFX's HostServices, else AWT's Desktop where supported. */
final class DesktopOpeners {

    private DesktopOpeners() {
    }

    static DesktopOpener of(HostServices hostServices) {
        return path -> {
            if (hostServices != null) {
                hostServices.showDocument(path.toUri().toString());
                return true;
            }
            return openWithAwt(path);
        };
    }

    private static boolean openWithAwt(Path path) {
        try {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                return false;
            }
            // Desktop.open may block on some desktops: never on the FX thread.
            Thread.ofVirtual().name("ferry-open").start(() -> {
                try {
                    Desktop.getDesktop().open(path.toFile());
                } catch (Exception e) {
                    System.getLogger(DesktopOpeners.class.getName()).log(System.Logger.Level.WARNING,
                            "Could not open " + path, e);
                }
            });
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false; // Headless or no desktop integration: the caller tells the user.
        }
    }
}
