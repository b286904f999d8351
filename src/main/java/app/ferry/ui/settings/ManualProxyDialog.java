package app.ferry.ui.settings;

import app.ferry.ui.I18n;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.text.Font;
import javafx.stage.Window;

/**
 * The manual HTTP proxy: host, port, user, password, "Remember password" and the hosts reached
 * directly. What is wrong is said under the fields, once something was typed, while OK stays
 * disabled ({@link ProxyInput}).
 * A dialog of its own, opened from the settings' Proxy row, so the settings dialog stays short
 * enough for an 800-pixel-high screen.
 */
final class ManualProxyDialog {

    /** What OK gives: the manual choice, and its password (null when it has no user). */
    record Result(ProxyChoice choice, String password) {
        @Override
        public String toString() {
            return "Result[" + choice + ", password=" + (password == null ? "-" : "***") + "]";
        }
    }

    private final Dialog<Result> dialog = new Dialog<>();

    ManualProxyDialog(Window owner, I18n i18n, ProxyChoice current, String knownPassword) {
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("settings.proxy.mode.MANUAL"));
        dialog.getDialogPane().setId("manual-proxy-dialog");
        TextField host = field("settings-proxy-host", current.host(), "proxy.example.com");
        TextField port = field("settings-proxy-port", current.port() == 0 ? "" : Integer.toString(current.port()), "3128");
        port.setPrefColumnCount(5);
        TextField user = field("settings-proxy-user", current.user(), i18n.get("settings.proxy.userNone"));
        PasswordField password = new PasswordField();
        password.setId("settings-proxy-password");
        password.setText(knownPassword == null ? "" : knownPassword);
        // The known password belongs to this host, port and user (decision 0007): once any of them
        // changes, it is not offered to the new proxy; the user types the new one.
        javafx.beans.InvalidationListener forget = o -> password.clear();
        host.textProperty().addListener(forget);
        port.textProperty().addListener(forget);
        user.textProperty().addListener(forget);
        CheckBox remember = new CheckBox(i18n.get("settings.proxy.remember"));
        remember.setId("settings-proxy-remember");
        remember.setSelected(current.rememberPassword());
        remember.disableProperty().bind(user.textProperty().isEmpty());
        TextField noProxy = field("settings-proxy-no-proxy", current.noProxy(), "localhost, 127.0.0.1, .example.com");
        Label problem = new Label();
        problem.setId("settings-proxy-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        Label note = new Label(i18n.get("settings.proxy.appliesNow"));
        note.setId("settings-proxy-note");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);

        ObjectBinding<ProxyInput.Checked> checked = Bindings.createObjectBinding(() -> ProxyInput.check(ProxyMode.MANUAL,
                        host.getText(), port.getText(), user.getText(), !password.getText().isEmpty(), noProxy.getText(),
                        remember.isSelected()),
                host.textProperty(), port.textProperty(), user.textProperty(), password.textProperty(),
                noProxy.textProperty(), remember.selectedProperty());
        // Said once something was typed: a new, empty form is not an error yet (OK is disabled meanwhile).
        BooleanProperty touched = new SimpleBooleanProperty(false);
        // Any edit, even one that leaves the same problem (an invalidation, not only a change).
        checked.addListener((javafx.beans.Observable o) -> touched.set(true));
        problem.textProperty().bind(Bindings.createStringBinding(() -> !touched.get() || checked.get().valid() ? ""
                : i18n.get(checked.get().problem().key(), checked.get().problem().args().toArray()), checked, touched));
        // Room for the longest message, kept even while there is none, so the window never jumps.
        problem.setMinHeight(4.2 * Font.getDefault().getSize() * 1.35);
        problem.setAlignment(Pos.TOP_LEFT);

        HBox address = new HBox(6, host, unshrinking(i18n.get("settings.proxy.port")), port);
        HBox.setHgrow(host, Priority.ALWAYS);
        address.setAlignment(Pos.BASELINE_LEFT);
        HBox login = new HBox(6, user, unshrinking(i18n.get("settings.proxy.password")), password);
        HBox.setHgrow(user, Priority.ALWAYS);
        HBox.setHgrow(password, Priority.ALWAYS);
        login.setAlignment(Pos.BASELINE_LEFT);
        GridPane grid = new GridPane(10, 8);
        grid.getColumnConstraints().setAll(app.ferry.ui.Forms.labelColumn(), app.ferry.ui.Forms.fieldColumn());
        grid.add(note, 0, 0, 2, 1);
        grid.addRow(1, new Label(i18n.get("settings.proxy.host")), address);
        grid.addRow(2, new Label(i18n.get("settings.proxy.user")), login);
        grid.add(remember, 1, 3);
        grid.addRow(4, new Label(i18n.get("settings.proxy.noProxy")), noProxy);
        // Last, just above the buttons: while empty, its room reads as the dialog's margin.
        grid.add(problem, 0, 5, 2, 1);
        grid.setPrefWidth(520);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("settings-proxy-ok");
        ok.setText(i18n.get("settings.proxy.use"));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(i18n.get("common.cancel"));
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> !checked.get().valid(), checked));
        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK || !checked.get().valid()) {
                return null;
            }
            ProxyChoice choice = checked.get().choice();
            return new Result(choice, choice.needsPassword() ? password.getText() : null);
        });
        dialog.setOnShown(e -> host.requestFocus());
    }

    private static Label unshrinking(String text) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static TextField field(String id, String text, String prompt) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    /** Waits for OK (the new manual proxy) or Cancel (empty). FX thread, a nested event loop. */
    Optional<Result> ask() {
        return dialog.showAndWait();
    }
}
