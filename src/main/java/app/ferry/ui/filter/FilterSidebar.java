package app.ferry.ui.filter;

import app.ferry.ui.I18n;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import atlantafx.base.controls.CustomTextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The sidebar: the search field (Ctrl+F) above the groups, each with its count. Binds only. */
public final class FilterSidebar {

    private static final List<TaskCategory> BY_STATE = List.of(TaskCategory.ALL, TaskCategory.DOWNLOADING,
            TaskCategory.UPLOADING, TaskCategory.COMPLETED, TaskCategory.FAILED);
    private static final List<TaskCategory> BY_TYPE = List.of(TaskCategory.DOCUMENTS, TaskCategory.ARCHIVES,
            TaskCategory.VIDEO, TaskCategory.AUDIO, TaskCategory.IMAGES, TaskCategory.PROGRAMS);

    private final VBox content;
    private final javafx.scene.control.ScrollPane node;
    private final CustomTextField search = new CustomTextField();

    public FilterSidebar(TaskFilterViewModel viewModel, I18n i18n) {
        search.setId("search");
        search.setPromptText(i18n.get("filter.search"));
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));

        ListView<TaskCategory> states = list("filter-states", BY_STATE, viewModel, i18n);
        ListView<TaskCategory> types = list("filter-types", BY_TYPE, viewModel, i18n);
        // One choice across both lists: picking in one clears the other.
        states.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                types.getSelectionModel().clearSelection();
                viewModel.categoryProperty().set(now);
            }
        });
        types.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                states.getSelectionModel().clearSelection();
                viewModel.categoryProperty().set(now);
            }
        });
        states.getSelectionModel().select(TaskCategory.ALL);

        Label typesTitle = new Label(i18n.get("filter.byType"));
        typesTitle.getStyleClass().add("text-muted");
        content = new VBox(6, search, states, new Separator(), typesTitle, types);
        content.setPadding(new Insets(8));
        VBox.setVgrow(types, Priority.ALWAYS);
        // The lists never scroll on their own (a scrolled list cut "All" in half): the whole sidebar
        // scrolls instead when the window is low, so it never makes the window taller than the screen.
        node = new javafx.scene.control.ScrollPane(content);
        node.setId("sidebar");
        node.getStyleClass().add("sidebar-scroll");
        node.setFitToWidth(true);
        node.setFitToHeight(true);
        node.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        node.setMinWidth(150);
        node.setPrefWidth(190);
        node.setMinHeight(0);
    }

    private static ListView<TaskCategory> list(String id, List<TaskCategory> items, TaskFilterViewModel viewModel,
            I18n i18n) {
        ListView<TaskCategory> view = new ListView<>();
        view.setId(id);
        view.getItems().setAll(items);
        view.getStyleClass().add("sidebar-list");
        view.setFixedCellSize(30);
        // Every row and the list's borders, so it never scrolls (a scrolled list cut "All" in half).
        view.setPrefHeight(items.size() * 30 + 12);
        view.setMinHeight(items.size() * 30 + 12);
        view.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TaskCategory item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    setId(null);
                    return;
                }
                setId("filter-" + item.name().toLowerCase(java.util.Locale.ROOT));
                Label name = new Label(i18n.get(item.labelKey()));
                Label count = new Label();
                count.getStyleClass().add("text-muted");
                count.textProperty().bind(Bindings.convert(viewModel.countProperty(item)));
                Region spring = new Region();
                HBox.setHgrow(spring, Priority.ALWAYS);
                HBox row = new HBox(6, name, spring, count);
                setText(null);
                setGraphic(row);
            }
        });
        return view;
    }

    public Node node() {
        return node;
    }

    /** Ctrl+F: the cursor into the search field, its text selected. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
