package app.ferry.ui.settings;

import app.ferry.ui.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/**
 * The settings dialog's Network section: no proxy, the environment's ({@code http_proxy} …), or a
 * manual HTTP proxy with Basic credentials. The manual fields show only when they are chosen, and
 * what is wrong with them is said under them while Save stays disabled ({@link ProxyInput}).
 */
final class ProxySection {

    private final I18n i18n;
    private final ProxyChoice current;
    private final ComboBox<ProxyMode> mode = new ComboBox<>();
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final CheckBox remember;
    private final TextField noProxy = new TextField();
    private final Label problem = new Label();
    private final Label note;
    private final ObjectBinding<ProxyInput.Checked> checked;

    /** @param knownPassword the password in use now (remembered or typed this session), or null */
    ProxySection(I18n i18n, ProxyChoice current, String knownPassword) {
        this.i18n = i18n;
        this.current = current;
        mode.setId("settings-proxy-mode");
        mode.getItems().setAll(ProxyMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProxyMode value) {
                return value == null ? "" : i18n.get("settings.proxy.mode." + value.name());
            }

            @Override
            public ProxyMode fromString(String text) {
                return null;
            }
        });
        mode.setValue(current.mode());
        mode.setMaxWidth(Double.MAX_VALUE);
        host.setId("settings-proxy-host");
        host.setText(current.host());
        host.setPromptText("proxy.example.com");
        port.setId("settings-proxy-port");
        port.setText(current.port() == 0 ? "" : Integer.toString(current.port()));
        port.setPromptText("3128");
        port.setPrefColumnCount(5);
        user.setId("settings-proxy-user");
        user.setText(current.user());
        user.setPromptText(i18n.get("settings.proxy.userNone"));
        password.setId("settings-proxy-password");
        password.setText(knownPassword == null ? "" : knownPassword);
        remember = new CheckBox(i18n.get("settings.proxy.remember"));
        remember.setId("settings-proxy-remember");
        remember.setSelected(current.rememberPassword());
        remember.disableProperty().bind(user.textProperty().isEmpty());
        noProxy.setId("settings-proxy-no-proxy");
        noProxy.setText(current.noProxy());
        noProxy.setPromptText("localhost, 127.0.0.1, .example.com");
        problem.setId("settings-proxy-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        note = new Label(i18n.get("settings.proxy.appliesNow"));
        note.setId("settings-proxy-note");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        checked = Bindings.createObjectBinding(() -> ProxyInput.check(mode.getValue(), host.getText(), port.getText(),
                        user.getText(), !password.getText().isEmpty(), noProxy.getText(), remember.isSelected()),
                mode.valueProperty(), host.textProperty(), port.textProperty(), user.textProperty(),
                password.textProperty(), noProxy.textProperty(), remember.selectedProperty());
        problem.textProperty().bind(Bindings.createStringBinding(() -> checked.get().valid() ? ""
                : i18n.get(checked.get().problem().key(), checked.get().problem().args().toArray()), checked));
    }

    /** Adds the rows from {@code row} on; returns the next free row. */
    int addTo(GridPane grid, int row) {
        BooleanBinding manual = mode.valueProperty().isEqualTo(ProxyMode.MANUAL);
        HBox address = new HBox(6, host, new Label(i18n.get("settings.proxy.port")), port);
        HBox.setHgrow(host, Priority.ALWAYS);
        address.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        HBox login = new HBox(6, user, new Label(i18n.get("settings.proxy.password")), password);
        HBox.setHgrow(user, Priority.ALWAYS);
        HBox.setHgrow(password, Priority.ALWAYS);
        login.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        grid.addRow(row, new Label(i18n.get("settings.proxy")), mode);
        Node[][] manualRows = {
                {new Label(i18n.get("settings.proxy.host")), address},
                {new Label(i18n.get("settings.proxy.user")), login},
                {new Label(""), remember},
                {new Label(i18n.get("settings.proxy.noProxy")), noProxy},
                {new Label(""), problem},
        };
        int next = row + 1;
        for (Node[] cells : manualRows) {
            grid.addRow(next++, cells);
            for (Node cell : cells) {
                // Hidden and taking no room unless a manual proxy is chosen: the dialog stays short.
                cell.visibleProperty().bind(manual.and(cell == problem ? problem.textProperty().isNotEmpty() : manual));
                cell.managedProperty().bind(cell.visibleProperty());
            }
        }
        grid.add(note, 1, next);
        note.visibleProperty().bind(Bindings.createBooleanBinding(this::changed, checked));
        note.managedProperty().bind(note.visibleProperty());
        // Showing or hiding rows changes the dialog's height: fit the window to it.
        mode.valueProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(() -> {
            if (grid.getScene() != null && grid.getScene().getWindow() != null) {
                grid.getScene().getWindow().sizeToScene();
            }
        }));
        return next + 1;
    }

    private boolean changed() {
        return checked.get().valid() && !checked.get().choice().equals(current);
    }

    /** True while the section can be saved as it is. */
    BooleanBinding validProperty() {
        return Bindings.createBooleanBinding(() -> checked.get().valid(), checked);
    }

    /** The choice to save; call only while {@link #validProperty()} holds. */
    ProxyChoice value() {
        return checked.get().choice();
    }

    /** The password typed, or null when the choice needs none (a password without a proxy user is not kept). */
    String password() {
        return value().needsPassword() ? password.getText() : null;
    }
}
