package app.ferry.ui.settings;

import app.ferry.ui.I18n;
import app.ferry.ui.limit.SpeedField;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Download folder, limits, notifications, auto-resume, theme, language, the global speed limits,
 * automation, the proxy and browser integration.
 */
public final class SettingsDialog {

    /** The languages offered; "system" follows the operating system's locale. */
    public static final List<String> LANGUAGES = List.of("system", "en", "zh-CN");

    private final Dialog<Result> dialog = new Dialog<>();

    /**
     * What Save gives: the settings, and the manual proxy's password, which is no part of them (it
     * is never written to {@code settings.json}).
     *
     * @param proxyPassword null when the proxy choice needs none
     */
    public record Result(Settings settings, String proxyPassword) {
        @Override
        public String toString() {
            return "Result[" + settings + ", proxyPassword=" + (proxyPassword == null ? "-" : "***") + "]";
        }
    }

    /** @param proxyPassword the manual proxy's password in use now, or null */
    public SettingsDialog(Window owner, I18n i18n, Settings current, String proxyPassword) {
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("settings.title"));
        dialog.getDialogPane().setId("settings-dialog");

        TextField folder = new TextField(current.downloadDir());
        folder.setId("settings-folder");
        Button browse = new Button(i18n.get("common.browse"));
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            if (Files.isDirectory(Path.of(folder.getText()))) {
                chooser.setInitialDirectory(new File(folder.getText()));
            }
            File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                folder.setText(chosen.getPath());
            }
        });
        HBox folderRow = new HBox(6, folder, browse);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Spinner<Integer> concurrent = new Spinner<>(1, Settings.MAX_CONCURRENT_LIMIT, current.maxConcurrent());
        concurrent.setId("settings-concurrent");
        concurrent.setEditable(true);
        Spinner<Integer> retries = new Spinner<>(0, Settings.MAX_RETRIES_LIMIT, current.maxRetries());
        retries.setId("settings-retries");
        retries.setEditable(true);
        CheckBox notify = new CheckBox(i18n.get("settings.notifications"));
        notify.setId("settings-notifications");
        notify.setSelected(current.notifications());
        CheckBox resume = new CheckBox(i18n.get("settings.autoResume"));
        resume.setId("settings-auto-resume");
        resume.setSelected(current.autoResume());
        ComboBox<Theme> theme = new ComboBox<>();
        theme.setId("settings-theme");
        theme.getItems().setAll(Theme.values());
        theme.setConverter(converter(t -> i18n.get("theme." + t.name())));
        theme.setValue(current.theme());
        ComboBox<String> language = new ComboBox<>();
        language.setId("settings-language");
        language.getItems().setAll(LANGUAGES);
        language.setConverter(converter(l -> i18n.get("language." + l)));
        language.setValue(LANGUAGES.contains(current.language()) ? current.language() : "system");
        Label restartNote = new Label(i18n.get("settings.languageRestart"));
        restartNote.getStyleClass().add("text-muted");
        restartNote.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> !language.getValue().equals(current.language()), language.valueProperty()));

        SpeedField downloadLimit = new SpeedField("settings-download-limit", i18n.get("settings.noLimit"),
                current.downloadLimit());
        SpeedField uploadLimit = new SpeedField("settings-upload-limit", i18n.get("settings.noLimit"), current.uploadLimit());
        Label limitNote = new Label(i18n.get("settings.limitsHint"));
        limitNote.getStyleClass().add("text-muted");
        limitNote.setWrapText(true);

        GridPane grid = new GridPane(10, 8) {
            @Override
            protected double computePrefWidth(double height) {
                // 560, unless a row cannot be narrower (the proxy choice naming a long host).
                return Math.max(560, computeMinWidth(height));
            }
        };
        grid.getColumnConstraints().setAll(app.ferry.ui.Forms.labelColumn(), app.ferry.ui.Forms.fieldColumn());
        grid.addRow(0, new Label(i18n.get("settings.folder")), folderRow);
        grid.addRow(1, new Label(i18n.get("settings.concurrent")), concurrent);
        grid.addRow(2, new Label(i18n.get("settings.retries")), retries);
        grid.addRow(3, new Label(""), notify);
        grid.addRow(4, new Label(""), resume);
        grid.addRow(5, new Label(i18n.get("settings.theme")), theme);
        grid.addRow(6, new Label(i18n.get("settings.language")), language);
        grid.add(restartNote, 1, 7);
        grid.addRow(8, new Label(i18n.get("settings.downloadLimit")), downloadLimit.node());
        grid.addRow(9, new Label(i18n.get("settings.uploadLimit")), uploadLimit.node());
        grid.add(limitNote, 1, 10);
        AutomationFields automation = new AutomationFields(i18n, current.automation());
        int next = automation.addTo(grid, 11);
        ProxySection proxy = new ProxySection(i18n, current.proxy(), proxyPassword);
        next = proxy.addTo(grid, next);
        grid.add(new BrowserIntegrationSection(app.ferry.browser.BrowserSetup.forCurrentUser(
                app.ferry.engine.AppDirs.forCurrentUser().dataDir()), i18n).node(), 0, next, 2, 1);
        dialog.getDialogPane().setContent(app.ferry.ui.Forms.dialogContent(grid));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("settings-ok");
        ok.setText(i18n.get("common.save"));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(i18n.get("common.cancel"));
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> folder.getText().isBlank(), folder.textProperty())
                .or(downloadLimit.validProperty().not()).or(uploadLimit.validProperty().not())
                .or(automation.validProperty().not()).or(proxy.validProperty().not()));
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new Result(current.withPreferences(Path.of(folder.getText().strip()), concurrent.getValue(),
                        retries.getValue(), notify.isSelected(), resume.isSelected(), theme.getValue(), language.getValue())
                        .withLimits(downloadLimit.bytesPerSecond().orElseThrow(), uploadLimit.bytesPerSecond().orElseThrow())
                        .withAutomation(automation.value())
                        .withProxy(proxy.value()), proxy.password())
                : null);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    public void show(Consumer<Result> onResult) {
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onResult.accept(dialog.getResult());
            }
        });
        dialog.show();
    }
}
