package app.ferry.ui;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.util.Optional;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * A tray (status area) icon where the desktop offers one: its tooltip shows the totals, its menu
 * shows the window, pauses all, resumes all and quits, and minimising the window hides it into
 * the tray. Where there is none (headless CI, a desktop without a tray, {@link #install} is
 * empty) nothing changes: minimising minimises. AWT calls run on AWT's thread, FX calls on the FX
 * thread.
 */
final class StatusTray {

    private final TrayIcon icon;
    private final Stage stage;

    private StatusTray(TrayIcon icon, Stage stage) {
        this.icon = icon;
        this.stage = stage;
    }

    /** FX thread: the tray icon, when the desktop offers a tray; empty (and nothing done) when not. */
    static Optional<StatusTray> install(Stage stage, MainViewModel viewModel, Runnable quit) {
        if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
            return Optional.empty();
        }
        I18n i18n = viewModel.i18n();
        java.awt.Image image;
        try (var in = StatusTray.class.getResourceAsStream("icons/ferry-32.png")) {
            image = javax.imageio.ImageIO.read(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the tray icon app/ferry/ui/icons/ferry-32.png", e);
        }
        PopupMenu menu = new PopupMenu();
        menu.add(item(i18n.get("tray.show"), () -> show(stage)));
        menu.add(item(i18n.get("action.pauseAll"), viewModel.selection()::pauseAll));
        menu.add(item(i18n.get("action.resumeAll"), viewModel.selection()::resumeAll));
        menu.addSeparator();
        menu.add(item(i18n.get("tray.quit"), () -> {
            show(stage);
            quit.run();
        }));
        TrayIcon icon = new TrayIcon(image, MainWindow.TITLE, menu);
        icon.setImageAutoSize(true);
        icon.addActionListener(e -> Platform.runLater(() -> show(stage)));
        try {
            SystemTray.getSystemTray().add(icon);
        } catch (java.awt.AWTException e) {
            // The tray went away between the check and the add: the window works without it.
            System.getLogger(StatusTray.class.getName()).log(System.Logger.Level.INFO, "No tray icon: " + e.getMessage());
            return Optional.empty();
        }
        StatusTray tray = new StatusTray(icon, stage);
        // Hidden rather than minimised: the tray icon brings it back. The app must then not end
        // when its only window hides; quitting goes through dispose, which removes the icon.
        Platform.setImplicitExit(false);
        stage.iconifiedProperty().addListener((obs, was, iconified) -> {
            if (iconified) {
                stage.hide();
            }
        });
        viewModel.list().statusTextProperty().addListener((obs, old, text) -> tray.tooltip(text));
        return Optional.of(tray);
    }

    private static MenuItem item(String label, Runnable onFx) {
        MenuItem item = new MenuItem(label);
        item.addActionListener(e -> Platform.runLater(onFx));
        return item;
    }

    private static void show(Stage stage) {
        stage.show();
        stage.setIconified(false);
        stage.toFront();
    }

    private void tooltip(String totals) {
        String text = MainWindow.TITLE + " — " + totals;
        EventQueue.invokeLater(() -> icon.setToolTip(text));
    }

    /** FX thread, when the window closes for good: the icon goes, and the app may end again. */
    void remove() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
        Platform.setImplicitExit(true);
        if (!stage.isShowing()) {
            Platform.exit();
        }
    }
}
