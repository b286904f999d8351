package app.ferry.ui;

import app.ferry.engine.QueuePosition;
import app.ferry.ui.filter.FilterSidebar;
import app.ferry.ui.graph.SpeedGraph;
import app.ferry.ui.auto.ClipboardWatch;
import java.time.LocalDateTime;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The views of what users reach for first, kept out of {@link MainWindow}: the sidebar with its
 * search, the speed graph, the queue-order, rename and copy-URL commands (context menu and keys),
 * and the keys for them: Ctrl+F search, Ctrl+Q quit, Ctrl+Alt+Up/Down/Home/End move, F2 rename,
 * Ctrl+Shift+C copy URL. Binds and routes only; the work is in the view-models.
 */
final class WindowExtras {

    private final MainViewModel viewModel;
    private final I18n i18n;
    private final Runnable quit;
    private final FilterSidebar sidebar;
    private final SpeedGraph graph;
    private Stage stage;
    private Runnable beforeSearch = () -> { };
    private java.util.Optional<StatusTray> tray = java.util.Optional.empty();
    /** Once a second: the clipboard (when watched) and the schedule. Cheap: one string read. */
    private final Timeline slowTimer = new Timeline(new KeyFrame(Duration.seconds(1), e -> slowTick()));

    WindowExtras(MainViewModel viewModel, Runnable quit) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
        this.quit = quit;
        this.sidebar = new FilterSidebar(viewModel.filter(), i18n);
        this.graph = new SpeedGraph(viewModel.speeds(), i18n);
    }

    /** The rows the table shows: the sidebar's group and the search, over every row. */
    ObservableList<TaskModel> filtered(ObservableList<TaskModel> rows) {
        FilteredList<TaskModel> filtered = new FilteredList<>(rows);
        filtered.predicateProperty().bind(viewModel.filter().predicateProperty());
        return filtered;
    }

    Node sidebar() {
        return sidebar.node();
    }

    /** Run before Ctrl+F puts the cursor into the search field (which lives in the sidebar). */
    void beforeSearch(Runnable action) {
        this.beforeSearch = action;
    }

    Node graph() {
        return graph.node();
    }

    void attach(Stage owner) {
        this.stage = owner;
        tray = StatusTray.install(owner, viewModel, quit);
        slowTimer.setCycleCount(Animation.INDEFINITE);
        slowTimer.play();
    }

    void stop() {
        slowTimer.stop();
        tray.ifPresent(StatusTray::remove);
    }

    private void slowTick() {
        viewModel.schedule().tick(LocalDateTime.now());
        if (viewModel.settings().settingsProperty().get().automation().watchClipboard()) {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            viewModel.clipboardWatch().seen(clipboard.hasString() ? clipboard.getString() : null);
        }
    }

    /** {@code content} with the clipboard's offer above it (shown only while a link is on offer). */
    Node withOfferBar(Node content) {
        ClipboardWatch watch = viewModel.clipboardWatch();
        Label text = new Label();
        text.setId("offer-text");
        text.textProperty().bind(Bindings.createStringBinding(
                () -> watch.offerProperty().get() == null ? "" : i18n.get("offer.text", watch.offerProperty().get()),
                watch.offerProperty()));
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button download = new Button(i18n.get("offer.download"));
        download.setId("offer-download");
        download.setDefaultButton(false);
        download.setOnAction(e -> {
            viewModel.adding().pasteText(watch.offerProperty().get());
            watch.answered();
        });
        Button ignore = new Button(i18n.get("offer.ignore"));
        ignore.setId("offer-ignore");
        ignore.setOnAction(e -> watch.answered());
        HBox bar = new HBox(8, new FontIcon(MaterialDesignC.CLIPBOARD_ARROW_DOWN_OUTLINE), text, download, ignore);
        bar.setId("offer-bar");
        bar.getStyleClass().add("offer-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(watch.offerProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        VBox box = new VBox(bar, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    /** Adds the queue-order, rename and copy-URL items to the table's context menu. */
    void extendMenu(ContextMenu menu) {
        TaskEditsViewModel edits = viewModel.edits();
        menu.getItems().addAll(new SeparatorMenuItem(),
                item("move-top", "action.moveTop", MaterialDesignA.ARROW_COLLAPSE_UP, () -> edits.move(QueuePosition.TOP),
                        edits.canMoveProperty()),
                item("move-up", "action.moveUp", MaterialDesignA.ARROW_UP, () -> edits.move(QueuePosition.UP),
                        edits.canMoveProperty()),
                item("move-down", "action.moveDown", MaterialDesignA.ARROW_DOWN, () -> edits.move(QueuePosition.DOWN),
                        edits.canMoveProperty()),
                item("move-bottom", "action.moveBottom", MaterialDesignA.ARROW_COLLAPSE_DOWN,
                        () -> edits.move(QueuePosition.BOTTOM), edits.canMoveProperty()),
                new SeparatorMenuItem(),
                item("rename", "action.rename", MaterialDesignR.RENAME_BOX, this::rename, edits.canRenameProperty()),
                item("copy-url", "action.copyUrl", MaterialDesignC.CONTENT_COPY, this::copyUrl, edits.canCopyUrlProperty()));
    }

    private MenuItem item(String id, String key, Ikon icon, Runnable handler, ObservableBooleanValue enabled) {
        MenuItem item = new MenuItem(i18n.get(key), new FontIcon(icon));
        item.setId("menu-" + id);
        item.setOnAction(e -> handler.run());
        item.disableProperty().bind(Bindings.not(enabled));
        return item;
    }

    /** Keys handled here, also while typing (Ctrl+Q, Ctrl+F); returns whether it took the key. */
    boolean onKey(KeyEvent event, boolean typing) {
        KeyCode code = event.getCode();
        if (event.isShortcutDown() && code == KeyCode.Q) {
            quit.run();
        } else if (event.isShortcutDown() && code == KeyCode.F) {
            beforeSearch.run();
            sidebar.focusSearch();
        } else if (typing) {
            return false;
        } else if (event.isShortcutDown() && event.isAltDown() && moveKey(code) != null) {
            viewModel.edits().move(moveKey(code));
        } else if (code == KeyCode.F2) {
            rename();
        } else if (event.isShortcutDown() && event.isShiftDown() && code == KeyCode.C) {
            copyUrl();
        } else {
            return false;
        }
        return true;
    }

    private static QueuePosition moveKey(KeyCode code) {
        return switch (code) {
            case HOME -> QueuePosition.TOP;
            case UP -> QueuePosition.UP;
            case DOWN -> QueuePosition.DOWN;
            case END -> QueuePosition.BOTTOM;
            default -> null;
        };
    }

    private void copyUrl() {
        String urls = viewModel.edits().selectedUrls();
        if (!urls.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(urls);
            Clipboard.getSystemClipboard().setContent(content);
            viewModel.messages().show(UserMessage.info(i18n.get("msg.urlCopied")));
        }
    }

    private void rename() {
        viewModel.edits().renameCandidate().ifPresent(task -> {
            TextInputDialog dialog = new TextInputDialog(task.name());
            dialog.initOwner(stage);
            dialog.setTitle(i18n.get("rename.title"));
            dialog.setHeaderText(i18n.get(task.state() == app.ferry.engine.TaskState.COMPLETED
                    ? "rename.headerDone" : "rename.headerPending", task.name()));
            dialog.setContentText(i18n.get("rename.label"));
            dialog.getDialogPane().setId("rename-dialog");
            dialog.getEditor().setId("rename-field");
            dialog.setResizable(true);
            dialog.setOnHidden(e -> {
                String answer = dialog.getResult();
                if (answer != null && !answer.isBlank() && !answer.equals(task.name())) {
                    viewModel.edits().rename(task, answer);
                }
            });
            dialog.show();
        });
    }
}
