package app.ferry.ui.table;

import app.ferry.engine.Direction;
import app.ferry.engine.TaskState;
import app.ferry.ui.Formats;
import app.ferry.ui.I18n;
import app.ferry.ui.TaskModel;
import app.ferry.ui.settings.Settings.ColumnState;
import app.ferry.ui.settings.Settings.SortState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The transfer table: one row per {@link TaskModel}, cells bound to its properties. Sortable
 * (through a {@link SortedList} bound to the table's comparator), resizable, multi-select; its
 * column widths and sort order can be read and restored for the settings.
 */
public final class TransferTable {

    /** The progress column's value for a failed task: never a fraction, never a full bar. */
    static final double FAILED = -3;

    private final TableView<TaskModel> table = new TableView<>();
    private final I18n i18n;
    /** The engine's words (a failure's reason) in the window's language. */
    private final app.ferry.ui.ProblemText problems;

    public TransferTable(ObservableList<TaskModel> tasks, I18n i18n) {
        this.i18n = i18n;
        this.problems = new app.ferry.ui.ProblemText(i18n);
        SortedList<TaskModel> sorted = new SortedList<>(tasks);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("transfers");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Unconstrained, so saved column widths come back exactly (PersistenceTest); sharing the
        // window's width needs those widths restored as proportions first (issue 14, item 4: open).
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(placeholder());
        table.getColumns().setAll(List.of(
                directionColumn(),
                textColumn("name", "column.name", 240, m -> m.nameProperty()),
                numberColumn("size", "column.size", 90, TaskModel::sizeProperty, n -> Formats.bytes(n.longValue())),
                numberColumn("done", "column.done", 90, TaskModel::doneProperty, n -> Formats.bytes(n.longValue())),
                progressColumn(),
                numberColumn("speed", "column.speed", 95, TaskModel::speedProperty, n -> Formats.speed(n.longValue())),
                numberColumn("eta", "column.eta", 90, TaskModel::etaSecondsProperty, n -> Formats.duration(n.longValue())),
                stateColumn(),
                textColumn("target", "column.target", 320, m -> m.targetProperty())));
    }

    public TableView<TaskModel> control() {
        return table;
    }

    private Label placeholder() {
        Label label = new Label(i18n.get("table.placeholder"));
        label.setId("placeholder");
        label.setWrapText(true);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static <T> TableColumn<TaskModel, T> column(String id, String title, double width) {
        TableColumn<TaskModel, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        // Enough for the header in either language ("剩余时间", "ETA") and a short value.
        column.setMinWidth(Math.min(width, 64));
        return column;
    }

    private TableColumn<TaskModel, String> textColumn(String id, String key, double width,
            Function<TaskModel, ObservableValue<String>> value) {
        TableColumn<TaskModel, String> column = column(id, i18n.get(key), width);
        column.setCellValueFactory(row -> value.apply(row.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return column;
    }

    private TableColumn<TaskModel, Number> numberColumn(String id, String key, double width,
            Function<TaskModel, ObservableValue<Number>> value, Function<Number, String> format) {
        TableColumn<TaskModel, Number> column = column(id, i18n.get(key), width);
        column.setCellValueFactory(row -> value.apply(row.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return column;
    }

    private TableColumn<TaskModel, Direction> directionColumn() {
        TableColumn<TaskModel, Direction> column = column("direction", "", 34);
        column.setResizable(false);
        column.setCellValueFactory(row -> row.getValue().directionProperty());
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Direction item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                boolean down = item == Direction.DOWNLOAD;
                FontIcon icon = new FontIcon(down ? MaterialDesignT.TRAY_ARROW_DOWN : MaterialDesignT.TRAY_ARROW_UP);
                icon.getStyleClass().add(down ? "direction-download" : "direction-upload");
                setGraphic(icon);
                setAlignment(Pos.CENTER);
                setTooltip(new Tooltip(i18n.get(down ? "direction.download" : "direction.upload")));
            }
        });
        return column;
    }

    private TableColumn<TaskModel, Number> progressColumn() {
        TableColumn<TaskModel, Number> column = column("progress", i18n.get("column.progress"), 150);
        // A failed task's progress reads as FAILED, so the cell re-renders when the state turns.
        column.setCellValueFactory(row -> javafx.beans.binding.Bindings.createDoubleBinding(
                () -> row.getValue().state() == TaskState.FAILED ? FAILED : row.getValue().progressProperty().get(),
                row.getValue().progressProperty(), row.getValue().stateProperty()));
        column.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label percent = new Label();
            private final StackPane box = new StackPane(bar, percent);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.getStyleClass().add("small");
                percent.getStyleClass().add("progress-percent");
            }

            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                double fraction = item.doubleValue();
                bar.getStyleClass().remove("failed");
                if (fraction == FAILED) {
                    // A failed transfer never shows a full, successful-looking bar.
                    bar.getStyleClass().add("failed");
                    bar.setProgress(0);
                    percent.setText(i18n.get("progress.failed"));
                    setGraphic(box);
                    return;
                }
                // Unknown size: indeterminate only while it runs, else an empty bar.
                bar.setProgress(fraction >= 0 ? fraction
                        : fraction == TaskModel.UNKNOWN_RUNNING ? ProgressBar.INDETERMINATE_PROGRESS : 0);
                percent.setText(Formats.percent(fraction));
                setGraphic(box);
            }
        });
        return column;
    }

    private TableColumn<TaskModel, TaskState> stateColumn() {
        TableColumn<TaskModel, TaskState> column = column("state", i18n.get("column.state"), 170);
        column.setCellValueFactory(row -> row.getValue().stateProperty());
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TaskState item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("state-failed", "state-completed", "state-credentials");
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                TaskModel row = getTableRow() == null ? null : getTableRow().getItem();
                String reason = row == null || row.record() == null ? null : problems.reason(row.record());
                String label = i18n.get("state." + item.name());
                boolean explained = reason != null && !reason.isBlank()
                        && (item == TaskState.FAILED || item == TaskState.NEEDS_CREDENTIALS);
                setText(explained ? label + ": " + reason : label);
                setTooltip(explained ? new Tooltip(reason) : null);
                switch (item) {
                    case FAILED -> getStyleClass().add("state-failed");
                    case COMPLETED -> getStyleClass().add("state-completed");
                    case NEEDS_CREDENTIALS -> getStyleClass().add("state-credentials");
                    default -> {
                    }
                }
            }
        });
        return column;
    }

    // ---------------------------------------------------------------- layout memory

    public List<ColumnState> columnStates() {
        return table.getColumns().stream().map(c -> new ColumnState(c.getId(), c.getWidth())).toList();
    }

    public List<SortState> sortStates() {
        return table.getSortOrder().stream()
                .map(c -> new SortState(c.getId(), c.getSortType() == TableColumn.SortType.ASCENDING))
                .toList();
    }

    public void applyLayout(List<ColumnState> widths, List<SortState> sort) {
        for (ColumnState state : widths) {
            find(state.id()).stream().filter(TableColumn::isResizable).forEach(c -> c.setPrefWidth(state.width()));
        }
        List<TableColumn<TaskModel, ?>> order = new ArrayList<>();
        for (SortState state : sort) {
            find(state.id()).forEach(c -> {
                c.setSortType(state.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                order.add(c);
            });
        }
        table.getSortOrder().setAll(order);
    }

    private List<TableColumn<TaskModel, ?>> find(String id) {
        return table.getColumns().stream().filter(c -> c.getId().equals(id)).toList();
    }
}
