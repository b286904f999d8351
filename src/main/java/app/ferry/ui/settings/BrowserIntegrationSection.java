package app.ferry.ui.settings;

import app.ferry.browser.BrowserFamily;
import app.ferry.browser.BrowserSetup;
import app.ferry.ui.I18n;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Settings, "Browser integration": for which browsers Ferry's native-messaging host is installed
 * (read from the manifest files each browser reads), and Install / Uninstall buttons that run the
 * same code as {@code ferry browser install} and {@code uninstall}. File work runs off the FX thread.
 */
final class BrowserIntegrationSection {

    private final BrowserSetup setup;
    private final I18n i18n;
    private final VBox rows = new VBox(4);
    private final Label problem = new Label();
    private final VBox node;

    BrowserIntegrationSection(BrowserSetup setup, I18n i18n) {
        this.setup = setup;
        this.i18n = i18n;
        Label title = new Label(i18n.get("settings.browser.title"));
        title.getStyleClass().add("title-4");
        Button install = new Button(i18n.get("settings.browser.install"));
        install.setId("settings-browser-install");
        install.setOnAction(e -> run(() -> setup.install(EnumSet.allOf(BrowserFamily.class), setup.host(null))));
        Button uninstall = new Button(i18n.get("settings.browser.uninstall"));
        uninstall.setId("settings-browser-uninstall");
        uninstall.setOnAction(e -> run(() -> setup.uninstall(EnumSet.allOf(BrowserFamily.class))));
        problem.getStyleClass().add("text-danger");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        Label hint = new Label(i18n.get("settings.browser.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        node = new VBox(6, title, rows, new HBox(6, install, uninstall), problem, hint);
        node.setId("settings-browser");
        refresh();
    }

    Node node() {
        return node;
    }

    @FunctionalInterface
    private interface FileWork {
        Object run() throws IOException;
    }

    private void run(FileWork work) {
        Thread.ofVirtual().name("browser-setup").start(() -> {
            Optional<String> failure;
            try {
                work.run();
                failure = Optional.empty();
            } catch (IOException | RuntimeException e) {
                failure = Optional.of(i18n.get("settings.browser.failed", e.getMessage()));
            }
            Optional<String> shown = failure;
            Platform.runLater(() -> {
                problem.setText(shown.orElse(""));
                problem.setVisible(shown.isPresent());
                refresh();
            });
        });
    }

    private void refresh() {
        rows.getChildren().clear();
        for (Map.Entry<BrowserFamily, Optional<Path>> entry : setup.installed().entrySet()) {
            String name = entry.getKey().cliName();
            Label row = new Label(entry.getValue()
                    .map(path -> i18n.get("settings.browser.installed", name, path))
                    .orElseGet(() -> i18n.get("settings.browser.notInstalled", name)));
            row.setId("settings-browser-" + name);
            rows.getChildren().add(row);
        }
    }
}
