package app.ferry.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.cell.ProgressBarTableCell;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;

/** The main window: toolbar, transfer table, status bar. */
final class MainWindow {

    static final String TITLE = "Ferry";

    private final TableView<TaskModel> table = new TableView<>();
    private final StatusBar statusBar = new StatusBar();

    void show(Stage stage) {
        BorderPane root = new BorderPane(buildTable());
        root.setTop(buildToolBar());
        root.setBottom(statusBar);
        statusBar.setText("Ready");

        stage.setTitle(TITLE);
        stage.getIcons().setAll(AppIcons.all());
        stage.setScene(new Scene(root, 1100, 640));
        stage.show();
    }

    private ToolBar buildToolBar() {
        return new ToolBar(
                button("add-urls", "Add URLs"),
                button("upload", "Upload files"),
                button("pause", "Pause"),
                button("resume", "Resume"),
                button("cancel", "Cancel"),
                button("remove", "Remove"));
    }

    private static Button button(String id, String text) {
        Button button = new Button(text);
        button.setId(id);
        return button;
    }

    private TableView<TaskModel> buildTable() {
        table.setId("transfers");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Paste a URL (Ctrl+V) to download, or drop files here to upload."));

        TableColumn<TaskModel, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(row -> row.getValue().nameProperty());
        name.setPrefWidth(260);

        TableColumn<TaskModel, Double> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(row -> row.getValue().progressProperty().asObject());
        progress.setCellFactory(ProgressBarTableCell.forTableColumn());
        progress.setPrefWidth(160);

        TableColumn<TaskModel, Number> size = new TableColumn<>("Size");
        size.setCellValueFactory(row -> row.getValue().sizeProperty());

        TableColumn<TaskModel, Number> speed = new TableColumn<>("Speed");
        speed.setCellValueFactory(row -> row.getValue().speedProperty());

        TableColumn<TaskModel, Number> eta = new TableColumn<>("ETA");
        eta.setCellValueFactory(row -> row.getValue().etaSecondsProperty());

        TableColumn<TaskModel, String> state = new TableColumn<>("State");
        state.setCellValueFactory(row -> row.getValue().stateProperty());

        TableColumn<TaskModel, String> target = new TableColumn<>("Target");
        target.setCellValueFactory(row -> row.getValue().targetProperty());
        target.setPrefWidth(280);

        table.getColumns().setAll(java.util.List.of(name, progress, size, speed, eta, state, target));
        return table;
    }
}
