package app.ferry.ui;

import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for the user name and password a server's 401 challenge wants. Kept in memory only. */
final class CredentialsDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();

    CredentialsDialog(Window owner, I18n i18n, String taskName, String reason) {
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("credentials.title"));
        dialog.setHeaderText(i18n.get("credentials.header", taskName) + (reason == null ? "" : "\n" + reason));
        dialog.getDialogPane().setId("credentials-dialog");
        user.setId("credentials-user");
        password.setId("credentials-password");
        GridPane grid = new GridPane(10, 8);
        grid.getColumnConstraints().setAll(app.ferry.ui.Forms.labelColumn(), app.ferry.ui.Forms.fieldColumn());
        grid.addRow(0, new Label(i18n.get("common.user")), user);
        grid.addRow(1, new Label(i18n.get("common.password")), password);
        grid.add(new Label(i18n.get("credentials.memoryOnly")), 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("credentials-ok");
        ok.setText(i18n.get("credentials.continue"));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(i18n.get("common.cancel"));
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> user.getText().isBlank(), user.textProperty()));
        dialog.setOnShown(e -> user.requestFocus());
    }

    void show(BiConsumer<String, String> onResult) {
        show(onResult, () -> { });
    }

    /** Shows the prompt; {@code onClosed} runs however it closes, after {@code onResult}. */
    void show(BiConsumer<String, String> onResult, Runnable onClosed) {
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                onResult.accept(user.getText().strip(), password.getText());
            }
            onClosed.run();
        });
        dialog.show();
    }
}
