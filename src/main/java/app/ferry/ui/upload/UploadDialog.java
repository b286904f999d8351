package app.ferry.ui.upload;

import app.ferry.engine.UrlNormalizer;
import app.ferry.engine.request.RequestOptions;
import app.ferry.engine.InvalidUrlException;
import app.ferry.ui.Formats;
import app.ferry.ui.I18n;
import app.ferry.ui.ProblemText;
import app.ferry.ui.settings.Settings.FormField;
import app.ferry.ui.settings.Settings.UploadChoices;
import app.ferry.ui.settings.UploadMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The upload dialog for dropped or chosen files: target URL (with recent targets), mode, multipart
 * options, per-file names for REST PUT, tus, Basic credentials. Starts from the last choices.
 */
public final class UploadDialog {

    private final Dialog<UploadRequest> dialog = new Dialog<>();
    private final I18n i18n;
    private final List<Path> files;
    private final ComboBox<String> target = new ComboBox<>();
    private final ComboBox<UploadMode> mode = new ComboBox<>();
    private final CheckBox tus = new CheckBox();
    private final TextField fieldName = new TextField();
    private final RadioButton onePerFile = new RadioButton();
    private final RadioButton allInOne = new RadioButton();
    private final VBox extraRows = new VBox(4);
    private final List<TextField[]> extraFields = new ArrayList<>();
    private final List<TextField> newNames = new ArrayList<>();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextArea headers = new TextArea();
    private final TextField cookies = new TextField();
    private final Label problem = new Label();

    private static final int FILE_ROWS_SHOWN = 5;
    private static final double FILE_ROW_HEIGHT = 40;
    private static final double NAME_MIN_WIDTH = 160;

    public UploadDialog(Window owner, I18n i18n, List<Path> files, UploadChoices last) {
        this.i18n = i18n;
        this.files = List.copyOf(files);
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("upload.title"));
        dialog.setHeaderText(i18n.get("upload.header", files.size()));
        dialog.getDialogPane().setId("upload-dialog");
        dialog.setResizable(true);

        target.setId("upload-url");
        target.setEditable(true);
        target.getItems().setAll(last.recentTargets());
        target.getEditor().setText(last.recentTargets().isEmpty() ? "" : last.recentTargets().getFirst());
        target.setMaxWidth(Double.MAX_VALUE);
        target.setPromptText("https://example.com/upload");

        mode.setId("upload-mode");
        mode.getItems().setAll(UploadMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(UploadMode value) {
                return value == null ? "" : i18n.get("upload.mode." + value.name());
            }

            @Override
            public UploadMode fromString(String text) {
                return null;
            }
        });
        mode.setValue(last.mode());
        tus.setId("upload-tus");
        tus.setText(i18n.get("upload.tus"));
        tus.setSelected(last.tus());
        mode.disableProperty().bind(tus.selectedProperty());

        fieldName.setId("upload-field");
        fieldName.setText(last.fieldName());
        ToggleGroup grouping = new ToggleGroup();
        onePerFile.setToggleGroup(grouping);
        onePerFile.setId("upload-one-per-file");
        onePerFile.setText(i18n.get("upload.onePerFile"));
        allInOne.setToggleGroup(grouping);
        allInOne.setId("upload-all-in-one");
        allInOne.setText(i18n.get("upload.allInOne"));
        (last.onePerFile() ? onePerFile : allInOne).setSelected(true);
        last.extraFields().forEach(f -> addExtraRow(f.name(), f.value()));
        Button addField = new Button(i18n.get("upload.addField"), new FontIcon(MaterialDesignC.CARD_PLUS_OUTLINE));
        addField.setId("upload-add-field");
        addField.setOnAction(e -> addExtraRow("", ""));

        GridPane multipart = new GridPane(10, 6);
        multipart.getColumnConstraints().setAll(app.ferry.ui.Forms.labelColumn(), app.ferry.ui.Forms.fieldColumn());
        multipart.addRow(0, new Label(i18n.get("upload.fieldName")), fieldName);
        multipart.addRow(1, new Label(i18n.get("upload.tasks")), new HBox(12, onePerFile, allInOne));
        multipart.addRow(2, new Label(i18n.get("upload.extraFields")), new VBox(4, extraRows, addField));
        BooleanBinding isMultipart = Bindings.createBooleanBinding(
                () -> mode.getValue() == UploadMode.MULTIPART && !tus.isSelected(), mode.valueProperty(), tus.selectedProperty());
        multipart.visibleProperty().bind(isMultipart);
        multipart.managedProperty().bind(isMultipart);

        BooleanBinding isRest = Bindings.createBooleanBinding(
                () -> mode.getValue() == UploadMode.REST_PUT && !tus.isSelected(), mode.valueProperty(), tus.selectedProperty());
        GridPane fileRows = new GridPane(10, 4);
        for (int i = 0; i < this.files.size(); i++) {
            Path file = this.files.get(i);
            TextField name = new TextField(String.valueOf(file.getFileName()));
            name.setId("upload-name-" + i);
            name.visibleProperty().bind(isRest);
            newNames.add(name);
            fileRows.addRow(i, new Label(file.getFileName() + "  (" + Formats.bytes(sizeOf(file)) + ")"), name);
        }
        // The new names get the room the file names leave, and never less than a short name needs.
        fileRows.getColumnConstraints().setAll(app.ferry.ui.Forms.labelColumn(), app.ferry.ui.Forms.fieldColumn());
        newNames.forEach(name -> name.setMinWidth(NAME_MIN_WIDTH));
        ScrollPane fileList = new ScrollPane(fileRows);
        fileList.setFitToWidth(true);
        fileList.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // Every file's row up to five (a row is a text field: about 40 px), then the list scrolls.
        fileList.setPrefViewportHeight(Math.min(FILE_ROWS_SHOWN, this.files.size()) * FILE_ROW_HEIGHT);
        fileList.setMinViewportHeight(Math.min(2, this.files.size()) * FILE_ROW_HEIGHT);

        user.setId("upload-user");
        user.setText(last.user());
        password.setId("upload-password");
        headers.setId("upload-headers");
        headers.setPromptText(i18n.get("request.headers.prompt"));
        headers.setPrefRowCount(3);
        cookies.setId("upload-cookies");
        cookies.setPromptText(i18n.get("request.cookies.prompt"));
        problem.setId("upload-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);

        GridPane grid = new GridPane(10, 8);
        grid.getColumnConstraints().setAll(app.ferry.ui.Forms.labelColumn(), app.ferry.ui.Forms.fieldColumn());
        grid.addRow(0, new Label(i18n.get("upload.files")), fileList);
        grid.addRow(1, new Label(i18n.get("upload.target")), target);
        grid.addRow(2, new Label(i18n.get("upload.mode")), new HBox(12, mode, tus));
        grid.add(multipart, 1, 3);
        grid.addRow(4, new Label(i18n.get("common.user")), user);
        grid.addRow(5, new Label(i18n.get("common.password")), password);
        grid.addRow(6, new Label(i18n.get("request.headers")), headers);
        grid.addRow(7, new Label(i18n.get("request.cookies")), cookies);
        grid.add(problem, 1, 8);
        GridPane.setHgrow(target, Priority.ALWAYS);
        grid.setPrefWidth(620);
        dialog.getDialogPane().setContent(app.ferry.ui.Forms.dialogContent(grid));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("upload-ok");
        ok.setText(i18n.get("upload.start"));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(i18n.get("common.cancel"));
        ok.disableProperty().bind(Bindings.createBooleanBinding(this::invalid, target.getEditor().textProperty(),
                headers.textProperty(), cookies.textProperty()));
        dialog.setResultConverter(button -> button == ButtonType.OK ? request() : null);
        // Sections appear and rows are added: grow the window so its buttons stay in view.
        isMultipart.addListener((obs, was, is) -> fitWindow());
        extraRows.getChildren().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>) c -> fitWindow());
        dialog.setOnShown(e -> target.getEditor().requestFocus());
    }

    private void fitWindow() {
        Window window = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
        if (window != null) {
            javafx.application.Platform.runLater(window::sizeToScene);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private void addExtraRow(String name, String value) {
        TextField nameField = new TextField(name);
        nameField.setPromptText(i18n.get("upload.extraName"));
        nameField.setId("upload-extra-name-" + extraFields.size());
        TextField valueField = new TextField(value);
        valueField.setPromptText(i18n.get("upload.extraValue"));
        valueField.setId("upload-extra-value-" + extraFields.size());
        TextField[] pair = {nameField, valueField};
        Button remove = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        HBox row = new HBox(6, nameField, valueField, remove);
        remove.setOnAction(e -> {
            extraFields.remove(pair);
            extraRows.getChildren().remove(row);
        });
        extraFields.add(pair);
        extraRows.getChildren().add(row);
    }

    /** Validates the target URL; shows why it cannot be used. */
    private boolean invalid() {
        String url = target.getEditor().getText();
        if (url == null || url.isBlank()) {
            problem.setText("");
            return true;
        }
        try {
            UrlNormalizer.normalize(url);
            RequestOptions.fromText(headers.getText(), cookies.getText());
            problem.setText("");
            return false;
        } catch (IllegalArgumentException e) {
            // An InvalidUrlException too: the reason of the URL or of the header line.
            problem.setText(new ProblemText(i18n).why(e));
            return true;
        }
    }

    private UploadRequest request() {
        List<FormField> extras = extraFields.stream()
                .filter(pair -> !pair[0].getText().isBlank())
                .map(pair -> new FormField(pair[0].getText().strip(), pair[1].getText()))
                .toList();
        return new UploadRequest(files, target.getEditor().getText().strip(), mode.getValue(), fieldName.getText(),
                extras, onePerFile.isSelected(), tus.isSelected(), newNames.stream().map(TextField::getText).toList(),
                user.getText(), password.getText(), headers.getText(), cookies.getText());
    }

    /** Shows the dialog without blocking; {@code onResult} gets the request if the user confirms. */
    public void show(Consumer<UploadRequest> onResult) {
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onResult.accept(dialog.getResult());
            }
        });
        dialog.show();
    }
}
