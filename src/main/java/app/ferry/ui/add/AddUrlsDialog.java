package app.ferry.ui.add;

import app.ferry.ui.I18n;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** "Add URLs": URLs (any text holding them), target folder, optional SHA-256, credentials, headers and cookies. */
public final class AddUrlsDialog {

    private final Dialog<AddUrlsRequest> dialog = new Dialog<>();

    public AddUrlsDialog(Window owner, I18n i18n, Path folder, String initialText) {
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("add.title"));
        dialog.setHeaderText(i18n.get("add.header"));
        dialog.getDialogPane().setId("add-dialog");

        TextArea urls = new TextArea(initialText);
        urls.setId("add-urls-text");
        urls.setPromptText(i18n.get("add.urls.prompt"));
        urls.setPrefRowCount(6);
        urls.setPrefColumnCount(50);
        TextField folderField = new TextField(folder.toString());
        folderField.setId("add-folder");
        Button browse = new Button(i18n.get("common.browse"));
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            Path current = Path.of(folderField.getText());
            if (Files.isDirectory(current)) {
                chooser.setInitialDirectory(current.toFile());
            }
            File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                folderField.setText(chosen.getPath());
            }
        });
        HBox folderRow = new HBox(6, folderField, browse);
        HBox.setHgrow(folderField, Priority.ALWAYS);
        TextField sha256 = new TextField();
        sha256.setId("add-sha256");
        sha256.setPromptText(i18n.get("add.sha256.prompt"));
        TextField user = new TextField();
        user.setId("add-user");
        PasswordField password = new PasswordField();
        password.setId("add-password");
        TextArea headers = new TextArea();
        headers.setId("add-headers");
        headers.setPromptText(i18n.get("request.headers.prompt"));
        headers.setPrefRowCount(3);
        TextField cookies = new TextField();
        cookies.setId("add-cookies");
        cookies.setPromptText(i18n.get("request.cookies.prompt"));

        GridPane grid = new GridPane(10, 8);
        grid.getColumnConstraints().setAll(app.ferry.ui.Forms.labelColumn(), app.ferry.ui.Forms.fieldColumn());
        grid.addRow(0, new Label(i18n.get("add.urls")), urls);
        grid.addRow(1, new Label(i18n.get("add.folder")), folderRow);
        grid.addRow(2, new Label(i18n.get("add.sha256")), sha256);
        grid.addRow(3, new Label(i18n.get("common.user")), user);
        grid.addRow(4, new Label(i18n.get("common.password")), password);
        grid.addRow(5, new Label(i18n.get("request.headers")), headers);
        grid.addRow(6, new Label(i18n.get("request.cookies")), cookies);
        dialog.getDialogPane().setContent(app.ferry.ui.Forms.dialogContent(grid));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("add-ok");
        ok.setText(i18n.get("add.start"));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(i18n.get("common.cancel"));
        ok.disableProperty().bind(Bindings.createBooleanBinding(
                () -> urls.getText().isBlank() || folderField.getText().isBlank(), urls.textProperty(), folderField.textProperty()));
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new AddUrlsRequest(urls.getText(), Path.of(folderField.getText().strip()), sha256.getText(),
                        user.getText(), password.getText(), headers.getText(), cookies.getText())
                : null);
        dialog.setOnShown(e -> urls.requestFocus());
    }

    /** Shows the dialog without blocking; {@code onResult} gets the request if the user confirms. */
    public void show(java.util.function.Consumer<AddUrlsRequest> onResult) {
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onResult.accept(dialog.getResult());
            }
        });
        dialog.show();
    }
}
