package app.ferry.ui;

import app.ferry.ui.Actions.Action;
import app.ferry.ui.add.AddUrlsDialog;
import app.ferry.ui.details.DetailsPane;
import app.ferry.ui.limit.TaskLimitDialog;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsDialog;
import app.ferry.ui.table.TransferTable;
import app.ferry.ui.upload.UploadDialog;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The main window: toolbar, transfer table with its details pane, notification bar, status bar.
 * It only builds controls, binds them to the {@link MainViewModel} and routes input (keys, paste,
 * drag and drop, dialogs) to the view-model's commands.
 */
public final class MainWindow {

    public static final String TITLE = "Ferry";

    private final MainViewModel viewModel;
    private final SelectionViewModel selection;
    private Stage stage;
    private ProgressSampler sampler;
    private TransferTable table;
    private WindowExtras extras;
    private WindowLayout layout;
    private MessageArea messageArea;
    private NotificationStack notices;
    private CredentialsPrompts credentialPrompts;
    private boolean disposed;

    /** A window for this view-model; {@link AppStartup} builds both. */
    public MainWindow(MainViewModel viewModel) {
        this.viewModel = viewModel;
        this.selection = viewModel.selection();
    }

    /** FX thread: lays the window out on {@code stage}, binds it and starts sampling the engine. */
    public void show(Stage stage) {
        this.stage = stage;
        Settings settings = viewModel.settings().settingsProperty().get();
        I18n i18n = viewModel.i18n();
        notices = new NotificationStack(i18n);
        viewModel.list().setNotifier(new WindowNotifier(notices, i18n));
        credentialPrompts = new CredentialsPrompts(stage, i18n, viewModel.list(), selection);
        viewModel.list().setCredentialsPrompt(credentialPrompts::ask);

        // The notices float over the lower right corner of the content, inside the window.
        Region root = buildRoot(i18n);
        javafx.scene.layout.StackPane layers = new javafx.scene.layout.StackPane(root, notices.node());
        // Should the window ever be smaller than the parts can go, it cuts their right and bottom, never the toolbar.
        javafx.scene.layout.StackPane.setAlignment(root, javafx.geometry.Pos.TOP_LEFT);
        // A size saved on a bigger screen (a docked laptop) opens within this one, never with
        // its toolbar's right end or its status bar beyond the screen's edge.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.min(settings.window().width(), screen.getWidth());
        double height = Math.min(settings.window().height(), screen.getHeight());
        Scene scene = new Scene(layers, width, height);
        scene.getStylesheets().add(MainWindow.class.getResource("ferry.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.setOnDragOver(this::onDragOver);
        scene.setOnDragDropped(this::onDragDropped);
        extras.attach(stage);
        layout.follow(scene);
        stage.setTitle(TITLE);
        stage.getIcons().setAll(AppIcons.all());
        stage.setScene(scene);
        // The saved size is the stage's (what dispose reads), also on a stage that was shown before.
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setMaximized(settings.window().maximized());
        stage.setOnCloseRequest(event -> {
            // Closed by requestQuit itself once nothing runs or the user chose; Ctrl+Q takes the same way.
            event.consume();
            requestQuit();
        });
        table.applyLayout(settings.columns(), settings.sort());
        stage.show();

        sampler = new ProgressSampler(viewModel.list());
        sampler.start();
    }

    private Region buildRoot(I18n i18n) {
        extras = new WindowExtras(viewModel, this::requestQuit);
        table = new TransferTable(extras.filtered(viewModel.list().tasks()), i18n);
        TableView<TaskModel> control = table.control();
        control.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<TaskModel>) change ->
                        selection.select(List.copyOf(control.getSelectionModel().getSelectedItems())));
        control.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && selection.canOpenFileProperty().get()) {
                selection.openFile();
            }
        });

        DetailsPane details = new DetailsPane(selection.focusedProperty(), i18n);
        layout = new WindowLayout(extras.sidebar(), control, extras::withOfferBar, details, selection.focusedProperty());
        extras.beforeSearch(layout::showSidebar);
        Actions actions = actions(i18n);
        control.setContextMenu(actions.contextMenu());
        extras.extendMenu(control.getContextMenu());
        messageArea = new MessageArea(viewModel.messages(), i18n);

        StatusBar status = new StatusBar();
        status.setId("status");
        status.textProperty().bind(viewModel.list().statusTextProperty());
        status.getRightItems().add(extras.graph());
        return layout.root(actions.toolBar(), messageArea.node(), status);
    }

    private Actions actions(I18n i18n) {
        SelectionViewModel vm = selection;
        return new Actions(i18n)
                .add(new Action("toggle-sidebar", "action.toggleSidebar", MaterialDesignP.PAGE_LAYOUT_SIDEBAR_LEFT, null,
                        layout::toggleSidebar, null).withIconOnly(), false)
                .add(new Action("add-urls", "action.addUrls", MaterialDesignL.LINK_PLUS, "Ctrl+V", this::addUrls, null), false)
                .add(new Action("upload", "action.upload", MaterialDesignF.FILE_UPLOAD_OUTLINE, "Ctrl+O",
                        this::chooseFilesToUpload, null), false)
                .separator()
                .add(new Action("pause", "action.pause", MaterialDesignP.PAUSE, "Space", vm::pauseSelected,
                        vm.canPauseProperty()), true)
                .add(new Action("resume", "action.resume", MaterialDesignP.PLAY, "Space", vm::resumeSelected,
                        vm.canResumeProperty()), true)
                .add(new Action("cancel", "action.cancel", MaterialDesignC.CLOSE_CIRCLE_OUTLINE, null, vm::cancelSelected,
                        vm.canCancelProperty()).withIconOnly(), true)
                .add(new Action("retry", "action.retry", MaterialDesignR.REFRESH, null, vm::retrySelected,
                        vm.canRetryProperty()).withIconOnly(), true)
                .add(new Action("refresh-link", "action.refreshLink", MaterialDesignL.LINK_VARIANT, null,
                        vm::refreshLinkSelected, vm.canRefreshLinkProperty()).withIconOnly(), true)
                .add(new Action("remove", "action.remove", MaterialDesignD.DELETE_OUTLINE, "Delete", this::confirmRemove,
                        vm.canRemoveProperty()).withIconOnly(), true)
                .separator()
                .add(new Action("open-file", "action.openFile", MaterialDesignF.FILE_OUTLINE, "Enter", vm::openFile,
                        vm.canOpenFileProperty()).withIconOnly(), true)
                .add(new Action("open-folder", "action.openFolder", MaterialDesignF.FOLDER_OPEN_OUTLINE, null,
                        vm::openFolder, vm.canOpenFolderProperty()).withIconOnly(), true)
                .add(new Action("credentials", "action.credentials", MaterialDesignK.KEY_OUTLINE, null,
                        this::askCredentials, vm.canGiveCredentialsProperty()), true)
                .add(new Action("limit-speed", "action.limitSpeed", MaterialDesignS.SPEEDOMETER, null, this::askSpeedLimit,
                        vm.canLimitSpeedProperty()).withIconOnly(), true)
                .spring()
                .add(new Action("toggle-details", "action.toggleDetails", MaterialDesignD.DOCK_BOTTOM, null,
                        layout::toggleDetails, vm.focusedProperty().isNotNull()).withIconOnly(), false)
                .add(new Action("pause-all", "action.pauseAll", MaterialDesignP.PAUSE_CIRCLE_OUTLINE, null, vm::pauseAll,
                        vm.canPauseAllProperty()).withIconOnly(), false)
                .add(new Action("resume-all", "action.resumeAll", MaterialDesignP.PLAY_CIRCLE_OUTLINE, null, vm::resumeAll,
                        vm.canResumeAllProperty()).withIconOnly(), false)
                .add(new Action("settings", "action.settings", MaterialDesignC.COG_OUTLINE, null, this::openSettings, null).withIconOnly(),
                        false);
    }

    // ---------------------------------------------------------------- input

    private void onKey(KeyEvent event) {
        boolean typing = stage.getScene().getFocusOwner() instanceof TextInputControl text && text.isEditable();
        if (extras.onKey(event, typing)) {
            event.consume();
            return;
        }
        if (typing) {
            return;
        }
        if (event.isShortcutDown() && event.getCode() == KeyCode.V) {
            pasteFromClipboard();
        } else if (event.isShortcutDown() && event.getCode() == KeyCode.O) {
            chooseFilesToUpload();
        } else if (event.getCode() == KeyCode.SPACE && !event.isShortcutDown()) {
            selection.toggleSelected();
        } else if (event.getCode() == KeyCode.DELETE && selection.canRemoveProperty().get()) {
            confirmRemove();
        } else if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown()) {
            selection.openFile();
        } else {
            return;
        }
        event.consume();
    }

    /** Ctrl+V: files on the clipboard are uploaded, text is searched for URLs to download. */
    public void pasteFromClipboard() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles()) {
            handleDroppedFiles(clipboard.getFiles().stream().map(File::toPath).toList());
        } else if (clipboard.hasString()) {
            viewModel.adding().pasteText(clipboard.getString());
        } else if (clipboard.hasUrl()) {
            viewModel.adding().pasteText(clipboard.getUrl());
        } else {
            viewModel.messages().show(UserMessage.warning(viewModel.i18n().get("msg.clipboardEmpty")));
        }
    }

    private void onDragOver(DragEvent event) {
        Dragboard board = event.getDragboard();
        if (board.hasFiles() || board.hasString() || board.hasUrl()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void onDragDropped(DragEvent event) {
        Dragboard board = event.getDragboard();
        boolean accepted = true;
        if (board.hasFiles()) {
            List<Path> paths = board.getFiles().stream().map(File::toPath).toList();
            // After the drop completes: the dialog must not open inside the drag-and-drop callback.
            javafx.application.Platform.runLater(() -> handleDroppedFiles(paths));
        } else if (board.hasString() || board.hasUrl()) {
            viewModel.adding().pasteText(board.hasString() ? board.getString() : board.getUrl());
        } else {
            accepted = false;
        }
        event.setDropCompleted(accepted);
        event.consume();
    }

    /** Files dropped (or pasted, or chosen): folders are refused, the rest go to the upload dialog. */
    public void handleDroppedFiles(List<Path> paths) {
        List<Path> files = viewModel.uploads().filesToUpload(paths);
        if (files.isEmpty()) {
            return;
        }
        new UploadDialog(stage, viewModel.i18n(), files, viewModel.settings().settingsProperty().get().upload())
                .show(viewModel.uploads()::upload);
    }

    /** Pasted or dropped text: its URLs start downloading. */
    public void handlePastedText(String text) {
        viewModel.adding().pasteText(text);
    }

    private void chooseFilesToUpload() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(viewModel.i18n().get("upload.choose"));
        List<File> chosen = chooser.showOpenMultipleDialog(stage);
        if (chosen != null && !chosen.isEmpty()) {
            handleDroppedFiles(chosen.stream().map(File::toPath).toList());
        }
    }

    private void addUrls() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        String initial = clipboard.hasString() && !UrlExtractor.extract(clipboard.getString()).urls().isEmpty()
                ? clipboard.getString() : "";
        new AddUrlsDialog(stage, viewModel.i18n(), viewModel.settings().settingsProperty().get().downloadPath(), initial)
                .show(viewModel.adding()::addUrls);
    }

    private void askCredentials() {
        TaskModel task = selection.focusedProperty().get();
        if (task != null) {
            credentialPrompts.ask(task, null);
        }
    }

    private void askSpeedLimit() {
        List<TaskModel> selected = List.copyOf(selection.selection());
        if (selected.isEmpty()) {
            return;
        }
        I18n i18n = viewModel.i18n();
        String what = selected.size() == 1 ? selected.getFirst().name() : i18n.get("limit.several", selected.size());
        long current = selected.getFirst().speedLimitProperty().get();
        new TaskLimitDialog(stage, i18n, what, current).show(bytesPerSecond -> selection.limit(selected, bytesPerSecond));
    }

    private void openSettings() {
        SettingsViewModel settings = viewModel.settings();
        new SettingsDialog(stage, viewModel.i18n(), settings.settingsProperty().get(), settings.proxyPassword()).show(saved -> {
            settings.applySettings(saved.settings(), saved.proxyPassword());
            Themes.apply(saved.settings().theme());
        });
    }

    // ---------------------------------------------------------------- confirmations

    /** Delete: remove the selection, keeping or deleting the downloaded files. */
    private void confirmRemove() {
        List<TaskModel> selected = List.copyOf(selection.selection());
        if (!selected.isEmpty()) {
            new Confirmations(stage, viewModel.i18n()).remove(selected, deleteFiles -> {
                selection.select(selected);
                selection.removeSelected(deleteFiles);
            });
        }
    }

    /** Ctrl+Q: quits as closing the window does, through the same pause-or-continue question. */
    void requestQuit() {
        if (!disposed && viewModel.hasRunningTransfers()) {
            confirmQuit();
        } else {
            dispose(false);
            stage.close();
        }
    }

    /** Closing while transfers run: pause them and quit, quit and continue next time, or stay. */
    private void confirmQuit() {
        new Confirmations(stage, viewModel.i18n()).quit(pauseTransfers -> {
            dispose(pauseTransfers);
            stage.close();
        });
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Saves the layout and the queue and releases the state directory. With {@code pauseTransfers}
     * the running transfers stay paused next time; without, they continue at the next start.
     */
    public void dispose(boolean pauseTransfers) {
        if (disposed || stage == null) {
            return;
        }
        disposed = true;
        sampler.stop();
        extras.stop();
        Settings settings = viewModel.settings().settingsProperty().get();
        Settings.WindowState window = stage.isMaximized()
                ? new Settings.WindowState(settings.window().width(), settings.window().height(), true)
                : new Settings.WindowState(stage.getWidth(), stage.getHeight(), false);
        viewModel.settings().updateSettings(settings.withLayout(window, table.columnStates(), table.sortStates()));
        viewModel.close(pauseTransfers);
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public Stage stage() {
        return stage;
    }

    MessageArea messageArea() {
        return messageArea;
    }
}
