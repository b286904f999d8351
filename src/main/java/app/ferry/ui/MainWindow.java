package app.ferry.ui;

import app.ferry.engine.Direction;
import app.ferry.engine.store.StateDirectoryInUseException;
import app.ferry.ui.Actions.Action;
import app.ferry.ui.add.AddUrlsDialog;
import app.ferry.ui.details.DetailsPane;
import app.ferry.ui.limit.TaskLimitDialog;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsDialog;
import app.ferry.ui.settings.SettingsStore;
import app.ferry.ui.table.TransferTable;
import app.ferry.ui.upload.UploadDialog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
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

    private final AppContext context;
    private final DesktopOpener opener;
    private Stage stage;
    private MainViewModel viewModel;
    private ProgressSampler sampler;
    private TransferTable table;
    private NotificationPane notificationPane;
    private final PauseTransition hideInfo = new PauseTransition(Duration.seconds(8));
    private boolean disposed;

    public MainWindow(AppContext context, DesktopOpener opener) {
        this.context = context;
        this.opener = opener;
    }

    /**
     * Opens the settings and the queue and shows the window. Returns false (after telling the
     * user) only when another Ferry holds the queue.
     */
    public boolean show(Stage stage) {
        this.stage = stage;
        SettingsStore store = new SettingsStore(context.settingsDir(), context.defaultDownloadDir());
        SettingsStore.Loaded loaded = store.load();
        Settings settings = loaded.settings();
        I18n i18n = I18n.forLanguage(settings.language());
        Themes.apply(settings.theme());

        QueueOpener.Opened opened;
        try {
            opened = QueueOpener.open(context.stateDir(),
                    context.engineTuning().apply(MainViewModel.engineConfig(settings)));
        } catch (StateDirectoryInUseException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, i18n.get("startup.inUse", context.stateDir()));
            alert.setHeaderText(i18n.get("startup.inUseHeader"));
            alert.show();
            return false;
        } catch (IOException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, i18n.get("startup.queueFailed", context.stateDir(), e.getMessage()));
            alert.show();
            return false;
        }
        viewModel = new MainViewModel(opened.queue(), store, settings, i18n, opener, context.engineTuning());
        viewModel.setNotifier(new DesktopNotifier(stage, i18n));

        Scene scene = new Scene(buildRoot(i18n), settings.window().width(), settings.window().height());
        scene.getStylesheets().add(MainWindow.class.getResource("ferry.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.setOnDragOver(this::onDragOver);
        scene.setOnDragDropped(this::onDragDropped);
        stage.setTitle(TITLE);
        stage.getIcons().setAll(AppIcons.all());
        stage.setScene(scene);
        stage.setMaximized(settings.window().maximized());
        stage.setOnCloseRequest(event -> {
            if (!disposed && viewModel.hasRunningTransfers()) {
                event.consume();
                confirmQuit();
            } else {
                dispose(false);
            }
        });
        table.applyLayout(settings.columns(), settings.sort());
        stage.show();

        sampler = new ProgressSampler(viewModel);
        sampler.start();
        startupMessage(i18n, loaded, opened).ifPresent(viewModel::showMessage);
        return true;
    }

    private java.util.Optional<UserMessage> startupMessage(I18n i18n, SettingsStore.Loaded loaded, QueueOpener.Opened opened) {
        List<String> lines = new ArrayList<>();
        loaded.backup().ifPresent(backup -> lines.add(i18n.get("startup.settingsCorrupt", backup)));
        if (opened.backup() != null) {
            lines.add(i18n.get("startup.queueMovedAside", opened.backup()));
        }
        opened.problems().forEach(problem -> lines.add(i18n.get("startup.taskUnreadable", problem)));
        return lines.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(UserMessage.warning(String.join("\n", lines)));
    }

    private BorderPane buildRoot(I18n i18n) {
        table = new TransferTable(viewModel.tasks(), i18n);
        TableView<TaskModel> control = table.control();
        control.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<TaskModel>) change ->
                        viewModel.select(List.copyOf(control.getSelectionModel().getSelectedItems())));
        control.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && viewModel.canOpenFileProperty().get()) {
                viewModel.openFile();
            }
        });

        Actions actions = actions(i18n);
        control.setContextMenu(actions.contextMenu());
        DetailsPane details = new DetailsPane(viewModel.focusedProperty(), i18n);
        SplitPane split = new SplitPane(control, details.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.64);

        notificationPane = new NotificationPane(split);
        notificationPane.setId("notifications");
        notificationPane.setShowFromTop(true);
        notificationPane.setOnHidden(e -> viewModel.clearMessage());
        hideInfo.setOnFinished(e -> notificationPane.hide());
        viewModel.messageProperty().addListener((obs, old, message) -> showMessage(message));

        StatusBar status = new StatusBar();
        status.setId("status");
        status.textProperty().bind(viewModel.statusTextProperty());

        BorderPane root = new BorderPane(notificationPane);
        root.setTop(actions.toolBar());
        root.setBottom(status);
        return root;
    }

    private Actions actions(I18n i18n) {
        MainViewModel vm = viewModel;
        return new Actions(i18n)
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
                .add(new Action("pause-all", "action.pauseAll", MaterialDesignP.PAUSE_CIRCLE_OUTLINE, null, vm::pauseAll,
                        vm.canPauseAllProperty()).withIconOnly(), false)
                .add(new Action("resume-all", "action.resumeAll", MaterialDesignP.PLAY_CIRCLE_OUTLINE, null, vm::resumeAll,
                        vm.canResumeAllProperty()).withIconOnly(), false)
                .add(new Action("settings", "action.settings", MaterialDesignC.COG_OUTLINE, null, this::openSettings, null).withIconOnly(),
                        false);
    }

    private void showMessage(UserMessage message) {
        hideInfo.stop();
        if (message == null) {
            notificationPane.hide();
            return;
        }
        notificationPane.getStyleClass().removeAll("message-info", "message-warning", "message-error");
        notificationPane.getStyleClass().add("message-" + message.kind().name().toLowerCase(java.util.Locale.ROOT));
        notificationPane.setText(message.text());
        notificationPane.show();
        if (message.kind() == UserMessage.Kind.INFO) {
            hideInfo.playFromStart();
        }
    }

    // ---------------------------------------------------------------- input

    private void onKey(KeyEvent event) {
        boolean typing = stage.getScene().getFocusOwner() instanceof TextInputControl text && text.isEditable();
        if (typing) {
            return;
        }
        if (event.isShortcutDown() && event.getCode() == KeyCode.V) {
            pasteFromClipboard();
        } else if (event.isShortcutDown() && event.getCode() == KeyCode.O) {
            chooseFilesToUpload();
        } else if (event.getCode() == KeyCode.SPACE && !event.isShortcutDown()) {
            viewModel.toggleSelected();
        } else if (event.getCode() == KeyCode.DELETE && viewModel.canRemoveProperty().get()) {
            confirmRemove();
        } else if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown()) {
            viewModel.openFile();
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
            viewModel.pasteText(clipboard.getString());
        } else if (clipboard.hasUrl()) {
            viewModel.pasteText(clipboard.getUrl());
        } else {
            viewModel.showMessage(UserMessage.warning(viewModel.i18n().get("msg.clipboardEmpty")));
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
            viewModel.pasteText(board.hasString() ? board.getString() : board.getUrl());
        } else {
            accepted = false;
        }
        event.setDropCompleted(accepted);
        event.consume();
    }

    /** Files dropped (or pasted, or chosen): folders are refused, the rest go to the upload dialog. */
    public void handleDroppedFiles(List<Path> paths) {
        List<Path> files = viewModel.filesToUpload(paths);
        if (files.isEmpty()) {
            return;
        }
        new UploadDialog(stage, viewModel.i18n(), files, viewModel.settingsProperty().get().upload())
                .show(viewModel::upload);
    }

    /** Pasted or dropped text: its URLs start downloading. */
    public void handlePastedText(String text) {
        viewModel.pasteText(text);
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
        new AddUrlsDialog(stage, viewModel.i18n(), viewModel.settingsProperty().get().downloadPath(), initial)
                .show(viewModel::addUrls);
    }

    private void askCredentials() {
        TaskModel task = viewModel.focusedProperty().get();
        if (task != null) {
            new CredentialsDialog(stage, viewModel.i18n(), task.name(), task.messageProperty().get())
                    .show((user, password) -> viewModel.provideCredentials(task, user, password));
        }
    }

    private void askSpeedLimit() {
        List<TaskModel> selected = List.copyOf(viewModel.selection());
        if (selected.isEmpty()) {
            return;
        }
        I18n i18n = viewModel.i18n();
        String what = selected.size() == 1 ? selected.getFirst().name() : i18n.get("limit.several", selected.size());
        long current = selected.getFirst().speedLimitProperty().get();
        new TaskLimitDialog(stage, i18n, what, current).show(bytesPerSecond -> viewModel.limit(selected, bytesPerSecond));
    }

    private void openSettings() {
        new SettingsDialog(stage, viewModel.i18n(), viewModel.settingsProperty().get()).show(settings -> {
            viewModel.applySettings(settings);
            Themes.apply(settings.theme());
        });
    }

    // ---------------------------------------------------------------- confirmations

    /** Delete: remove the selection, keeping or deleting the downloaded files. */
    private void confirmRemove() {
        I18n i18n = viewModel.i18n();
        List<TaskModel> selected = List.copyOf(viewModel.selection());
        if (selected.isEmpty()) {
            return;
        }
        ButtonType keep = new ButtonType(i18n.get("remove.keepFiles"), ButtonBar.ButtonData.OK_DONE);
        ButtonType delete = new ButtonType(i18n.get("remove.deleteFiles"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(i18n.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        boolean anyDownload = selected.stream().anyMatch(m -> m.directionProperty().get() == Direction.DOWNLOAD);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, i18n.get(anyDownload ? "remove.question" : "remove.questionUploads",
                selected.size()));
        alert.initOwner(stage);
        alert.setTitle(i18n.get("remove.title"));
        alert.setHeaderText(selected.size() == 1 ? selected.getFirst().name() : i18n.get("remove.header", selected.size()));
        alert.getDialogPane().setId("remove-dialog");
        alert.getButtonTypes().setAll(anyDownload ? List.of(keep, delete, cancel) : List.of(keep, cancel));
        alert.getDialogPane().lookupButton(keep).setId("remove-keep");
        if (anyDownload) {
            alert.getDialogPane().lookupButton(delete).setId("remove-delete");
        }
        alert.setOnHidden(e -> {
            ButtonType answer = alert.getResult();
            if (answer == keep || answer == delete) {
                viewModel.select(selected);
                viewModel.removeSelected(answer == delete);
            }
        });
        alert.show();
    }

    /** Closing while transfers run: pause them and quit, quit and continue next time, or stay. */
    private void confirmQuit() {
        I18n i18n = viewModel.i18n();
        ButtonType pause = new ButtonType(i18n.get("quit.pause"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(i18n.get("quit.continueLater"), ButtonBar.ButtonData.OTHER);
        ButtonType stay = new ButtonType(i18n.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, i18n.get("quit.question"), pause, keep, stay);
        alert.initOwner(stage);
        alert.setTitle(i18n.get("quit.title"));
        alert.setHeaderText(i18n.get("quit.header"));
        alert.getDialogPane().setId("quit-dialog");
        alert.getDialogPane().lookupButton(pause).setId("quit-pause");
        alert.getDialogPane().lookupButton(keep).setId("quit-keep");
        alert.setOnHidden(e -> {
            ButtonType answer = alert.getResult();
            if (answer == pause || answer == keep) {
                dispose(answer == pause);
                stage.close();
            }
        });
        alert.show();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Saves the layout and the queue and releases the state directory. With {@code pauseTransfers}
     * the running transfers stay paused next time; without, they continue at the next start.
     */
    public void dispose(boolean pauseTransfers) {
        if (disposed || viewModel == null) {
            return;
        }
        disposed = true;
        sampler.stop();
        hideInfo.stop();
        Settings settings = viewModel.settingsProperty().get();
        Settings.WindowState window = stage.isMaximized()
                ? new Settings.WindowState(settings.window().width(), settings.window().height(), true)
                : new Settings.WindowState(stage.getWidth(), stage.getHeight(), false);
        viewModel.updateSettings(settings.withLayout(window, table.columnStates(), table.sortStates()));
        viewModel.close(pauseTransfers);
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public Stage stage() {
        return stage;
    }

    NotificationPane notificationPane() {
        return notificationPane;
    }
}
