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
import javafx.scene.control.Tooltip;
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
    /**
     * Never narrower than what its closed box shows (a long proxy host included): the settings
     * dialog grows to fit it rather than cutting it. Its list's longer items do not count: they
     * show in the open list, which is as wide as they need.
     */
    private final ComboBox<ProxyMode> mode = new ComboBox<>() {
        @Override
        protected double computeMinWidth(double height) {
            ListCell<ProxyMode> shown = getButtonCell();
            javafx.scene.Node arrow = lookup(".arrow-button");
            if (shown == null || arrow == null) {
                return super.computeMinWidth(height);
            }
            return snappedLeftInset() + shown.prefWidth(-1) + arrow.prefWidth(-1) + snappedRightInset();
        }
    };
    private final Tooltip address = new Tooltip();
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
            showAddress();
        });
        // A dialog keeps the size it was shown at, taken before this box had its text, and an
        // address chosen later is longer: once the box has grown past it, widen the dialog.
        mode.widthProperty().addListener((o, was, now) -> Platform.runLater(this::fitWindow));
        mode.valueProperty().addListener((o, was, now) -> showAddress());
        address.setId("settings-proxy-address");
        showAddress();
    }

    private void fitWindow() {
        javafx.scene.Scene scene = mode.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return;
        }
        double missing = scene.getRoot().prefWidth(-1) - scene.getWidth();
        if (missing > 0.5) {
            // Window.sizeToScene leaves a shown dialog as it is: widen it by hand, about its middle.
            javafx.stage.Window window = scene.getWindow();
            window.setX(window.getX() - missing / 2);
            window.setWidth(window.getWidth() + missing);
        }
    }

    /** The whole address, and the user, in a tooltip over the closed box while Manual is chosen. */
    private void showAddress() {
        ProxyChoice choice = manual.get();
        if (mode.getValue() == ProxyMode.MANUAL && usable(choice)) {
            address.setText(choice.user().isEmpty() ? choice.address()
                    : i18n.get("settings.proxy.addressWithUser", choice.address(), choice.user()));
            mode.setTooltip(address);
        } else {
            mode.setTooltip(null);
        }
    }

    /**
     * {@code HOST:PORT} for the closed box: the scheme is always http, so it says nothing. A name
     * longer than any real one (DNS allows 253 characters) is shortened in its middle, so the
     * dialog stays on the screen; the tooltip has it whole.
     */
    static String shown(ProxyChoice choice) {
        String text = choice.hostAndPort();
        int most = 64;
        return text.length() <= most ? text : text.substring(0, most / 2 - 1) + "…" + text.substring(text.length() - most / 2);
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
                    setText(i18n.get("settings.proxy.manualAt", shown(manual.get())));
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
