package app.ferry.ui.settings;

import app.ferry.ui.I18n;
import app.ferry.ui.settings.Settings.Automation;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The settings dialog's rows for clipboard watching and the queue's schedule ("HH:mm", blank for none). */
final class AutomationFields {

    private final CheckBox watchClipboard;
    private final TextField startAt;
    private final TextField stopAt;
    private final I18n i18n;

    AutomationFields(I18n i18n, Automation current) {
        this.i18n = i18n;
        watchClipboard = new CheckBox(i18n.get("settings.watchClipboard"));
        watchClipboard.setId("settings-watch-clipboard");
        watchClipboard.setSelected(current.watchClipboard());
        startAt = time("settings-start-at", current.startAt());
        stopAt = time("settings-stop-at", current.stopAt());
    }

    private TextField time(String id, String value) {
        TextField field = new TextField(value == null ? "" : value);
        field.setId(id);
        field.setPromptText(i18n.get("settings.timeNone"));
        field.setPrefColumnCount(6);
        return field;
    }

    /** Adds the rows from {@code row} on; returns the next free row. */
    int addTo(GridPane grid, int row) {
        grid.add(watchClipboard, 1, row);
        grid.addRow(row + 1, new Label(i18n.get("settings.startAt")), startAt);
        grid.addRow(row + 2, new Label(i18n.get("settings.stopAt")), stopAt);
        return row + 3;
    }

    /** True while both times are blank or a time of day. */
    BooleanBinding validProperty() {
        return Bindings.createBooleanBinding(() -> valid(startAt.getText()) && valid(stopAt.getText()),
                startAt.textProperty(), stopAt.textProperty());
    }

    private static boolean valid(String text) {
        return text == null || text.isBlank() || Automation.time(text).isPresent();
    }

    Automation value() {
        return new Automation(watchClipboard.isSelected(), startAt.getText(), stopAt.getText());
    }
}
