package app.ferry.ui.details;

import app.ferry.engine.TaskRecord;
import app.ferry.ui.I18n;
import app.ferry.ui.TaskModel;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * Shows the selected task: URL, the page it came from (when a browser handed it over), destination, HTTP status and headers, the server's response body,
 * the error, the resume history, the checksum and its own speed limit. Re-rendered only when the
 * task's record changes (a state change, a checkpoint) or the user limits it, never per progress sample.
 */
public final class DetailsPane {

    private final TabPane tabs = new TabPane();
    private final DetailsText text;
    private final TextField url = readOnly("details-url");
    private final TextField fromPage = readOnly("details-from-page");
    private final Label fromPageLabel;
    private final TextField destination = readOnly("details-destination");
    private final TextField status = readOnly("details-status");
    private final TextField size = readOnly("details-size");
    private final TextField checksum = readOnly("details-checksum");
    private final TextField speedLimit = readOnly("details-speed-limit");
    private final TextField times = readOnly("details-times");
    private final TextArea error = area("details-error");
    private final TextArea headers = area("details-headers");
    private final TextArea body = area("details-body");
    private final ListView<String> history = new ListView<>();
    private final ChangeListener<TaskRecord> onRecord = (obs, old, record) -> show(record);
    private final ChangeListener<Number> onLimit = (obs, old, limit) -> showLimit(limit.longValue());
    /** The wait for a server's answer changes no record: only the status line follows it. */
    private final ChangeListener<Boolean> onWait = (obs, old, waiting) -> showWait(waiting);
    private TaskModel shown;

    public DetailsPane(ObservableValue<TaskModel> focused, I18n i18n) {
        this.text = new DetailsText(i18n);
        tabs.setId("details");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        history.setId("details-history");
        history.setPlaceholder(new Label(i18n.get("details.noHistory")));

        GridPane general = new GridPane(10, 6);
        general.getColumnConstraints().addAll(app.ferry.ui.Forms.labelColumn(), grow());
        fromPageLabel = new Label(i18n.get("details.fromPage"));
        general.addRow(0, new Label(i18n.get("details.url")), url);
        general.addRow(1, fromPageLabel, fromPage);
        int row = 2;
        for (var entry : new Object[][] {
                {"details.destination", destination}, {"details.status", status},
                {"details.size", size}, {"details.checksum", checksum}, {"details.speedLimit", speedLimit},
                {"details.times", times}, {"details.error", error}}) {
            general.addRow(row++, new Label(i18n.get((String) entry[0])), (Node) entry[1]);
        }
        error.setPrefRowCount(2);
        general.setStyle("-fx-padding: 10;");

        GridPane response = new GridPane(10, 6);
        response.getColumnConstraints().addAll(grow(), grow());
        response.addRow(0, new Label(i18n.get("details.headers")), new Label(i18n.get("details.body")));
        response.addRow(1, headers, body);
        GridPane.setVgrow(headers, Priority.ALWAYS);
        response.setStyle("-fx-padding: 10;");

        javafx.scene.control.ScrollPane generalScroll = new javafx.scene.control.ScrollPane(general);
        generalScroll.setFitToWidth(true);
        tabs.getTabs().setAll(
                new Tab(i18n.get("details.tab.general"), generalScroll),
                new Tab(i18n.get("details.tab.response"), response),
                new Tab(i18n.get("details.tab.history"), history));
        focused.addListener((obs, old, model) -> follow(model));
        follow(focused.getValue());
    }

    public Node node() {
        return tabs;
    }

    private void follow(TaskModel model) {
        if (shown != null) {
            shown.recordProperty().removeListener(onRecord);
            shown.speedLimitProperty().removeListener(onLimit);
            shown.awaitingResponseProperty().removeListener(onWait);
        }
        shown = model;
        if (model != null) {
            model.recordProperty().addListener(onRecord);
            model.speedLimitProperty().addListener(onLimit);
            model.awaitingResponseProperty().addListener(onWait);
        }
        show(model == null ? null : model.record());
        if (model != null) {
            showLimit(model.speedLimitProperty().get());
        }
    }

    private void show(TaskRecord record) {
        tabs.setDisable(record == null);
        if (record == null) {
            showFromPage("");
            for (TextField field : new TextField[] {url, destination, status, size, checksum, speedLimit, times}) {
                field.clear();
            }
            error.clear();
            headers.clear();
            body.clear();
            history.getItems().clear();
            return;
        }
        url.setText(text.url(record));
        showFromPage(text.fromPage(record));
        destination.setText(text.destination(record));
        status.setText(text.status(record, shown != null && shown.awaitingResponse()));
        size.setText(text.size(record));
        checksum.setText(text.checksum(record));
        times.setText(text.times(record));
        error.setText(text.error(record));
        headers.setText(text.headers(record));
        body.setText(text.body(record));
        history.getItems().setAll(text.history(record));
    }

    private void showWait(boolean waiting) {
        if (shown != null && shown.record() != null) {
            status.setText(text.status(shown.record(), waiting));
        }
    }

    /** The row is there only for tasks a browser handed over. */
    private void showFromPage(String page) {
        fromPage.setText(page);
        for (Node node : new Node[] {fromPageLabel, fromPage}) {
            node.setVisible(!page.isEmpty());
            node.setManaged(!page.isEmpty());
        }
    }

    private void showLimit(long bytesPerSecond) {
        speedLimit.setText(text.speedLimit(bytesPerSecond));
    }

    private static ColumnConstraints grow() {
        ColumnConstraints constraints = new ColumnConstraints();
        constraints.setHgrow(Priority.ALWAYS);
        return constraints;
    }

    private static TextField readOnly(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.setFocusTraversable(false);
        return field;
    }

    private static TextArea area(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setStyle("-fx-font-family: monospace;");
        return area;
    }
}
