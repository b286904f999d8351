package app.ferry.ui.settings;

import app.ferry.ui.I18n;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;

/**
 * Asked at start, before the queue opens, when the manual proxy has a user but its password was
 * not remembered: tasks resumed at start would otherwise reach the proxy without it and fail
 * (a 407 is not retried). Skipping opens the queue without the password.
 */
public final class ProxyPasswordPrompt {

    private final Dialog<String> dialog = new Dialog<>();

    public ProxyPasswordPrompt(I18n i18n, ProxyChoice proxy) {
        dialog.setTitle(i18n.get("settings.proxyPassword.title"));
        dialog.setHeaderText(i18n.get("settings.proxyPassword.header", proxy.address(), proxy.user()));
        dialog.getDialogPane().setId("proxy-password-prompt");
        PasswordField password = new PasswordField();
        password.setId("proxy-password-field");
        Label hint = new Label(i18n.get("settings.proxyPassword.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        GridPane grid = new GridPane(10, 8);
        grid.getColumnConstraints().setAll(app.ferry.ui.Forms.labelColumn(), app.ferry.ui.Forms.fieldColumn());
        grid.addRow(0, new Label(i18n.get("common.password")), password);
        grid.add(hint, 0, 1, 2, 1);
        grid.setPrefWidth(420);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("proxy-password-ok");
        ok.setText(i18n.get("credentials.continue"));
        Button skip = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        skip.setId("proxy-password-skip");
        skip.setText(i18n.get("settings.proxyPassword.skip"));
        dialog.setResultConverter(button -> button == ButtonType.OK ? password.getText() : null);
        dialog.setOnShown(e -> password.requestFocus());
    }

    /** Waits for the answer (FX thread, a nested event loop): the password, or empty when skipped. */
    public Optional<String> ask() {
        return dialog.showAndWait();
    }
}
