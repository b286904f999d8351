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
    /**
     * The progress column's value while an upload waits for the server's answer: a moving bar
     * (busy, end unknown) reading "99 %": every byte is sent, but the server may still refuse it.
     */
    static final double AWAITING_RESPONSE = -4;

    /**
     * What the State column shows: the task's state and, while it runs, whether it waits for the
     * server's answer. A value of its own, so the cell is drawn again when only the wait changes.
     */
    record ShownState(TaskState state, boolean awaitingResponse) implements Comparable<ShownState> {
        @Override
        public int compareTo(ShownState other) {
            int byState = state.compareTo(other.state);
            return byState != 0 ? byState : Boolean.compare(awaitingResponse, other.awaitingResponse);
        }
    }

    /** The narrowest a resizable column gets: a short value still reads ("12 s", "1.2 MiB"). */
    private static final double MIN_WIDTH = 68;
    /** The header's font in the AtlantaFX themes (bold, 14 px) and its label's padding (0.5 em each side). */
    private static final javafx.scene.text.Font HEADER_FONT = javafx.scene.text.Font.font(
            javafx.scene.text.Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD, 14);
    private static final double HEADER_PADDING = 14 + 6;
    /** A cell's font in the AtlantaFX themes (regular, 14 px). */
    private static final javafx.scene.text.Font CELL_FONT = javafx.scene.text.Font.font(
            javafx.scene.text.Font.getDefault().getFamily(), 14);

    /** A cell's padding (0.5 em each side) and room for the table's grid line and rounding. */
    private static final double CELL_PADDING = 14 + 8;
    /** Long but common values: what the number columns keep room for before names shrink. */
    private static final String LONG_SIZE = Formats.bytes(999L * 1024 * 1024 + 900L * 1024);
    private static final String LONG_SPEED = Formats.speed(999L * 1024 + 900);
    private static final long LONG_ETA_SECONDS = 9 * 3600 + 59 * 60 + 59;

    private final TableView<TaskModel> table = new TableView<>();
    private final ColumnShare columnShare = new ColumnShare(table);
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
        // The columns share the table's width; saved widths come back as proportions (ColumnShare).
        table.setColumnResizePolicy(columnShare);
        table.setPlaceholder(placeholder());
        table.getColumns().setAll(List.of(
                directionColumn(),
                textColumn("name", "column.name", 320, m -> m.nameProperty()),
                comfortable(numberColumn("size", "column.size", 90, TaskModel::sizeProperty,
                        n -> Formats.bytes(n.longValue())), LONG_SIZE),
                comfortable(numberColumn("done", "column.done", 90, TaskModel::doneProperty,
                        n -> Formats.bytes(n.longValue())), LONG_SIZE),
                comfortable(progressColumn(), Formats.percent(1), i18n.get("progress.failed")),
                comfortable(numberColumn("speed", "column.speed", 90, TaskModel::speedProperty,
                        n -> Formats.speed(n.longValue())), LONG_SPEED),
                comfortable(numberColumn("eta", "column.eta", 80, TaskModel::etaSecondsProperty,
                        n -> Formats.duration(n.longValue())), Formats.duration(LONG_ETA_SECONDS)),
                comfortable(stateColumn(), java.util.stream.Stream.concat(java.util.Arrays.stream(TaskState.values())
                        .map(state -> i18n.get("state." + state.name())), java.util.stream.Stream.of(
                                i18n.get("state.awaitingResponse"))).toArray(String[]::new)),
                textColumn("target", "column.target", 200, m -> m.targetProperty())));
        table.getColumns().forEach(columnShare::watch);
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
        // Never narrower than its header in the chosen language ("剩余时间", "Progress"): a squeezed
        // value can be read in its tooltip or the details, a cut header cannot.
        column.setMinWidth(Math.min(width, Math.max(MIN_WIDTH, headerWidth(title))));
        return column;
    }

    /**
     * Gives {@code column} the width of the longest of {@code values} as the width it keeps while
     * names and folders give up room (ColumnShare), and at least that as its wish.
     */
    private static <T> TableColumn<TaskModel, T> comfortable(TableColumn<TaskModel, T> column, String... values) {
        double widest = 0;
        for (String value : values) {
            javafx.scene.text.Text text = new javafx.scene.text.Text(value);
            text.setFont(CELL_FONT);
            widest = Math.max(widest, text.getLayoutBounds().getWidth());
        }
        double comfort = Math.max(column.getMinWidth(), Math.ceil(widest + CELL_PADDING));
        ColumnShare.comfort(column, comfort);
        column.setPrefWidth(Math.max(column.getPrefWidth(), comfort));
        return column;
    }

    private static double headerWidth(String title) {
        javafx.scene.text.Text text = new javafx.scene.text.Text(title);
        text.setFont(HEADER_FONT);
        return Math.ceil(text.getLayoutBounds().getWidth() + HEADER_PADDING);
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
        TableColumn<TaskModel, Number> column = column("progress", i18n.get("column.progress"), 130);
        // A failed task's progress reads as FAILED, so the cell re-renders when the state turns.
        column.setCellValueFactory(row -> javafx.beans.binding.Bindings.createDoubleBinding(
                () -> row.getValue().state() == TaskState.FAILED ? FAILED
                        : row.getValue().state() == TaskState.RUNNING && row.getValue().awaitingResponse()
                        ? AWAITING_RESPONSE : row.getValue().progressProperty().get(),
                row.getValue().progressProperty(), row.getValue().stateProperty(),
                row.getValue().awaitingResponseProperty()));
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
                percent.getStyleClass().remove("failed");
                if (fraction == FAILED) {
                    // A failed transfer never shows a full, successful-looking bar.
                    bar.getStyleClass().add("failed");
                    percent.getStyleClass().add("failed");
                    bar.setProgress(0);
                    percent.setText(i18n.get("progress.failed"));
                    setGraphic(box);
                    return;
                }
                if (fraction == AWAITING_RESPONSE) {
                    bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
                    percent.setText(Formats.percent(TaskModel.ALMOST_DONE));
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

    private TableColumn<TaskModel, ShownState> stateColumn() {
        TableColumn<TaskModel, ShownState> column = column("state", i18n.get("column.state"), 150);
        column.setCellValueFactory(row -> javafx.beans.binding.Bindings.createObjectBinding(
                () -> row.getValue().state() == null ? null : new ShownState(row.getValue().state(),
                        row.getValue().state() == TaskState.RUNNING && row.getValue().awaitingResponse()),
                row.getValue().stateProperty(), row.getValue().awaitingResponseProperty()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ShownState shown, boolean empty) {
                super.updateItem(shown, empty);
                getStyleClass().removeAll("state-failed", "state-completed", "state-credentials", "state-waiting");
                if (empty || shown == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                if (shown.awaitingResponse()) {
                    // Every byte is sent; "done" is the server's to say, and it may still refuse.
                    setText(i18n.get("state.awaitingResponse"));
                    setTooltip(new Tooltip(i18n.get("state.awaitingResponse.tooltip")));
                    getStyleClass().add("state-waiting");
                    return;
                }
                TaskState item = shown.state();
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
        columnShare.restore(() -> {
            for (ColumnState state : widths) {
                find(state.id()).stream().filter(TableColumn::isResizable).forEach(c -> c.setPrefWidth(state.width()));
            }
        });
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
