package app.ferry.ui.settings;

import app.ferry.ui.I18n;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The settings dialog's Proxy row: no proxy, the environment's ({@code http_proxy} …), or a manual
 * HTTP proxy with Basic credentials, whose fields are in {@link ManualProxyDialog} (opened when
 * Manual is chosen, and by Change…), so this dialog grows by one row only.
 */
final class ProxySection {

    private final I18n i18n;
    private final ComboBox<ProxyMode> mode = new ComboBox<>();
    private final Button edit;
    /** The manual proxy's fields as last confirmed (kept while another mode is chosen). */
    private final ObjectProperty<ProxyChoice> manual = new SimpleObjectProperty<>();
    private String password;

    /** @param knownPassword the password in use now (remembered, asked at start or typed), or null */
    ProxySection(I18n i18n, ProxyChoice current, String knownPassword) {
        this.i18n = i18n;
        this.manual.set(current);
        this.password = knownPassword;
        mode.setId("settings-proxy-mode");
        mode.getItems().setAll(ProxyMode.values());
        mode.setCellFactory(list -> cell(false));
        mode.setButtonCell(cell(true));
        mode.setValue(current.mode());
        mode.setMaxWidth(Double.MAX_VALUE);
        edit = new Button(i18n.get("settings.proxy.edit"));
        edit.setId("settings-proxy-edit");
        edit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        edit.visibleProperty().bind(mode.valueProperty().isEqualTo(ProxyMode.MANUAL));
        edit.managedProperty().bind(edit.visibleProperty());
        edit.setOnAction(e -> editManual(ProxyMode.MANUAL));
        mode.valueProperty().addListener((o, was, now) -> {
            if (now == ProxyMode.MANUAL && was != ProxyMode.MANUAL) {
                // After the list has closed: a dialog opened from inside the selection would nest in it.
                Platform.runLater(() -> editManual(was));
            }
        });
        manual.addListener((o, was, now) -> {
            // The button cell shows the proxy's address: make it read the new one.
            mode.setButtonCell(cell(true));
        });
    }

    /** The list shows the three choices; the closed box also names the manual proxy. */
    private ListCell<ProxyMode> cell(boolean button) {
        return new ListCell<>() {
            @Override
            protected void updateItem(ProxyMode item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                } else if (button && item == ProxyMode.MANUAL && usable(manual.get())) {
                    setText(i18n.get("settings.proxy.manualAt", manual.get().address()));
                } else {
                    setText(i18n.get("settings.proxy.mode." + item.name()));
                }
            }
        };
    }

    /** Opens the manual proxy's fields; Cancel with no usable manual proxy goes back to {@code previous}. */
    private void editManual(ProxyMode previous) {
        ProxyChoice start = manual.get();
        new ManualProxyDialog(mode.getScene().getWindow(), i18n, start, password).ask().ifPresentOrElse(result -> {
            password = result.password();
            manual.set(result.choice());
        }, () -> {
            if (!usable(start)) {
                mode.setValue(previous);
            }
        });
    }

    private static boolean usable(ProxyChoice choice) {
        return choice != null && !choice.host().isEmpty() && choice.port() != 0;
    }

    /** Adds the row at {@code row}; returns the next free row. */
    int addTo(GridPane grid, int row) {
        HBox box = new HBox(6, mode, edit);
        HBox.setHgrow(mode, Priority.ALWAYS);
        grid.addRow(row, new Label(i18n.get("settings.proxy")), box);
        return row + 1;
    }

    /** True unless Manual is chosen without a host and port (a file edited by hand). */
    BooleanBinding validProperty() {
        return Bindings.createBooleanBinding(() -> mode.getValue() != ProxyMode.MANUAL || usable(manual.get()),
                mode.valueProperty(), manual);
    }

    /** The choice to save: the mode, with the manual fields kept whichever mode is chosen. */
    ProxyChoice value() {
        ProxyChoice fields = manual.get();
        return new ProxyChoice(mode.getValue(), fields.host(), fields.port(), fields.user(), fields.noProxy(),
                fields.rememberPassword());
    }

    /** The password to use, or null when the choice needs none. */
    String password() {
        return value().needsPassword() ? password : null;
    }
}
