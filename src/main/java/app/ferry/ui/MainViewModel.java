package app.ferry.ui;

import app.ferry.engine.Credentials;
import app.ferry.engine.Direction;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferListener;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.TransferSpec;
import app.ferry.engine.request.RequestOptions;
import app.ferry.engine.http.NormalizedUrl;
import app.ferry.ui.add.AddUrlsRequest;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import app.ferry.ui.upload.UploadRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and commands; it never touches a control. The view binds to its
 * read-only properties and calls its commands; all of it runs on the FX thread except the engine
 * listener, which only flags work for the next {@link #sample()}.
 *
 * <p>Progress is pulled: {@link ProgressSampler} calls {@link #sample()} at a fixed rate and that
 * copies the engine's snapshots into the {@link TaskModel}s. Engine events (any number, on any
 * thread) only set a dirty flag and queue a notice, so the FX thread does at most one update pass
 * per tick, however many transfers run and however many bytes arrive.
 *
 * <p>Adding and removing tasks write state files, so they run on {@link QueueWrites}' background
 * thread; their results are handed back in the same update pass.
 */
public final class MainViewModel implements AutoCloseable {

    private final TransferQueue queue;
    private final SettingsStore settingsStore;
    private final I18n i18n;
    private final DesktopOpener opener;
    private final java.util.function.UnaryOperator<EngineConfig> engineTuning;
    private Notifier notifier = Notifier.NONE;

    private final ObservableList<TaskModel> tasks = FXCollections.observableArrayList();
    private final ObservableList<TaskModel> selection = FXCollections.observableArrayList();
    private final Map<TaskId, TaskModel> byId = new HashMap<>();

    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(this, "canPause");
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry");
    private final ReadOnlyBooleanWrapper canRemove = new ReadOnlyBooleanWrapper(this, "canRemove");
    private final ReadOnlyBooleanWrapper canOpenFile = new ReadOnlyBooleanWrapper(this, "canOpenFile");
    private final ReadOnlyBooleanWrapper canOpenFolder = new ReadOnlyBooleanWrapper(this, "canOpenFolder");
    private final ReadOnlyBooleanWrapper canGiveCredentials = new ReadOnlyBooleanWrapper(this, "canGiveCredentials");
    private final ReadOnlyBooleanWrapper canLimitSpeed = new ReadOnlyBooleanWrapper(this, "canLimitSpeed");
    private final ReadOnlyBooleanWrapper canPauseAll = new ReadOnlyBooleanWrapper(this, "canPauseAll");
    private final ReadOnlyBooleanWrapper canResumeAll = new ReadOnlyBooleanWrapper(this, "canResumeAll");
    private final ReadOnlyObjectWrapper<TaskModel> focused = new ReadOnlyObjectWrapper<>(this, "focused");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>(this, "settings");

    /** Set by engine threads, cleared by the FX thread's next sample. */
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final Queue<Notice> notices = new ConcurrentLinkedQueue<>();
    private final TransferListener listener = new EngineEvents();
    private final QueueWrites writes;
    /** URLs handed to {@link #writes} and not yet added: pasting one again before then is a duplicate too. */
    private final Set<String> pendingUrls = new HashSet<>();
    private boolean anyActive;
    private long updatePasses;
    private long updateNanos;
    private int activeCount;
    private List<Object> lastStatus = List.of();

    private record Notice(TaskId id, TaskState state) {
    }

    /** One URL to add, checked on the FX thread and written by the background thread. */
    private record Addition(String url, DownloadSpec spec, Credentials credentials) {
    }

    public MainViewModel(TransferQueue queue, SettingsStore settingsStore, Settings initial, I18n i18n,
            DesktopOpener opener, java.util.function.UnaryOperator<EngineConfig> engineTuning) {
        this(queue, settingsStore, initial, i18n, opener, engineTuning, QueueWrites.newThread());
    }

    /** @param queueWrites the single thread that adds and removes tasks; the view-model shuts it down */
    MainViewModel(TransferQueue queue, SettingsStore settingsStore, Settings initial, I18n i18n,
            DesktopOpener opener, java.util.function.UnaryOperator<EngineConfig> engineTuning,
            ExecutorService queueWrites) {
        this.queue = queue;
        this.writes = new QueueWrites(queueWrites, () -> dirty.set(true));
        this.settingsStore = settingsStore;
        this.i18n = i18n;
        this.opener = opener;
        this.engineTuning = engineTuning;
        this.settings.set(initial);
        queue.addListener(listener);
        selection.addListener((javafx.collections.ListChangeListener<TaskModel>) change -> updateCommands());
        refresh();
    }

    /** The engine config the settings ask for. */
    public static EngineConfig engineConfig(Settings settings) {
        return EngineConfig.defaults()
                .withMaxConcurrent(settings.maxConcurrent())
                .withMaxRetries(settings.maxRetries())
                .withAutoResume(settings.autoResume())
                .withLimits(settings.downloadLimit(), settings.uploadLimit());
    }

    public void setNotifier(Notifier notifier) {
        this.notifier = notifier == null ? Notifier.NONE : notifier;
    }

    // ---------------------------------------------------------------- sampling

    /**
     * One tick of the sampler: copies the snapshots into the models when something may have
     * changed (an engine event, or a transfer that is moving). Returns whether it did.
     */
    public boolean sample() {
        if (dirty.getAndSet(false) || anyActive) {
            refresh();
            return true;
        }
        return false;
    }

    /** One update pass: snapshots to models, rows added and removed, counts, commands, notices. */
    public void refresh() {
        long start = System.nanoTime();
        updatePasses++;
        // Finished batches first: their tasks are then in the queue, so the snapshots below show
        // their rows in the same pass as their "started" message, never a frame later.
        writes.drain();
        List<TaskSnapshot> snapshots = queue.snapshots();
        List<TaskModel> added = new ArrayList<>();
        int running = 0;
        int waiting = 0;
        int finished = 0;
        long down = 0;
        long up = 0;
        for (TaskSnapshot snapshot : snapshots) {
            TaskModel model = byId.get(snapshot.id());
            if (model == null) {
                model = new TaskModel(snapshot);
                byId.put(snapshot.id(), model);
                added.add(model);
            } else {
                model.update(snapshot);
            }
            switch (snapshot.state()) {
                case RUNNING -> {
                    running++;
                    if (snapshot.direction() == Direction.DOWNLOAD) {
                        down += snapshot.bytesPerSecond();
                    } else {
                        up += snapshot.bytesPerSecond();
                    }
                }
                case QUEUED -> waiting++;
                case COMPLETED -> finished++;
                default -> {
                }
            }
        }
        if (snapshots.size() != byId.size()) {
            // Tasks were removed: rare, so only then is the set of present ids built.
            Set<TaskId> present = new HashSet<>(snapshots.size() * 2);
            snapshots.forEach(s -> present.add(s.id()));
            List<TaskModel> gone = byId.values().stream().filter(m -> !present.contains(m.id())).toList();
            gone.forEach(m -> byId.remove(m.id()));
            tasks.removeAll(gone);
            selection.removeAll(gone);
        }
        if (!added.isEmpty()) {
            tasks.addAll(added);
        }
        anyActive = running + waiting > 0;
        activeCount = running;
        String downText = speedOrDash(down);
        String upText = speedOrDash(up);
        List<Object> status = List.of(running, waiting, finished, downText, upText);
        if (!status.equals(lastStatus)) {
            lastStatus = status;
            statusText.set(i18n.get("status.summary", status.toArray()));
        }
        updateCommands();
        if (writes.idle()) {
            // Held while a batch is being added, so its "started" message comes before what its
            // first tasks report (a 401 asking for a password) instead of replacing it.
            drainNotices();
        }
        updateNanos += System.nanoTime() - start;
    }

    private String speedOrDash(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "0 B/s" : Formats.speed(bytesPerSecond);
    }

    /** Update passes done so far: the FX-thread work the engine causes, bounded by the sampler's rate. */
    public long updatePasses() {
        return updatePasses;
    }

    /** Wall time spent inside update passes so far: what the sampler costs the FX thread (the bench reads it). */
    public long updateNanos() {
        return updateNanos;
    }

    private void drainNotices() {
        Notice notice;
        while ((notice = notices.poll()) != null) {
            TaskModel model = byId.get(notice.id());
            if (model == null) {
                continue;
            }
            switch (notice.state()) {
                case COMPLETED -> {
                    if (settings.get().notifications()) {
                        notifier.finished(model.name());
                    }
                }
                case FAILED -> {
                    if (settings.get().notifications()) {
                        notifier.failed(model.name(), Optional.ofNullable(model.record().message()).orElse(""));
                    }
                }
                case NEEDS_CREDENTIALS -> message.set(UserMessage.warning(i18n.get("msg.needsCredentials", model.name())));
                default -> {
                }
            }
        }
    }

    /** Engine threads: flag and queue, nothing else. */
    private final class EngineEvents implements TransferListener {
        @Override
        public void stateChanged(TaskSnapshot snapshot) {
            dirty.set(true);
        }

        @Override
        public void resumed(TaskId id, long offset) {
            dirty.set(true);
        }

        @Override
        public void completed(TaskSnapshot snapshot) {
            notices.add(new Notice(snapshot.id(), TaskState.COMPLETED));
            dirty.set(true);
        }

        @Override
        public void failed(TaskSnapshot snapshot) {
            notices.add(new Notice(snapshot.id(), TaskState.FAILED));
            dirty.set(true);
        }

        @Override
        public void needsCredentials(TaskId id, String realm) {
            notices.add(new Notice(id, TaskState.NEEDS_CREDENTIALS));
            dirty.set(true);
        }
    }

    // ---------------------------------------------------------------- selection and command state

    /** The view reports the table's selection here. */
    public void select(List<TaskModel> selected) {
        selection.setAll(selected);
    }

    private void updateCommands() {
        List<TaskState> states = selection.stream().map(TaskModel::state).toList();
        canPause.set(states.stream().anyMatch(TaskState::isActive));
        canResume.set(states.stream().anyMatch(s -> s == TaskState.PAUSED));
        canCancel.set(states.stream().anyMatch(s -> s.isActive() || s == TaskState.PAUSED || s == TaskState.NEEDS_CREDENTIALS));
        canRetry.set(states.stream().anyMatch(s -> s == TaskState.FAILED || s == TaskState.CANCELLED));
        canRemove.set(!states.isEmpty());
        TaskModel single = selection.size() == 1 ? selection.getFirst() : null;
        focused.set(selection.isEmpty() ? null : selection.getFirst());
        canOpenFile.set(single != null && openableFile(single.record()).isPresent());
        canOpenFolder.set(single != null && folderOf(single.record()).isPresent());
        canGiveCredentials.set(single != null && single.state() == TaskState.NEEDS_CREDENTIALS);
        canLimitSpeed.set(states.stream().anyMatch(MainViewModel::canBeLimited));
        canPauseAll.set(anyActive);
        canResumeAll.set(tasks.stream().anyMatch(m -> m.state() == TaskState.PAUSED));
    }

    private static Optional<Path> openableFile(TaskRecord record) {
        if (record.direction() == Direction.DOWNLOAD && record.state() != TaskState.COMPLETED) {
            return Optional.empty();
        }
        return TaskModel.localFile(record).filter(Files::isRegularFile);
    }

    private static Optional<Path> folderOf(TaskRecord record) {
        Optional<Path> folder = TaskModel.localFile(record).map(Path::toAbsolutePath).map(Path::getParent);
        if (folder.isEmpty() && record.spec() instanceof DownloadSpec download) {
            folder = Optional.of(download.directory());
        }
        return folder.filter(Files::isDirectory);
    }

    // ---------------------------------------------------------------- commands: adding

    /** Ctrl+V or dropped text: every valid URL starts downloading into the download folder. */
    public void pasteText(String text) {
        pasteText(text, RequestOptions.NONE);
    }

    /** The same, each task sending {@code options} (a browser's hand-off: its headers, cookies, Referer). */
    public void pasteText(String text, RequestOptions options) {
        addUrls(text, settings.get().downloadPath(), null, null, options);
    }

    public void addUrls(AddUrlsRequest request) {
        Credentials credentials = request.user().isEmpty() ? null : new Credentials(request.user(), request.password());
        RequestOptions options;
        try {
            options = request.requestOptions();
        } catch (IllegalArgumentException e) {
            message.set(UserMessage.error(e.getMessage()));
            return;
        }
        addUrls(request.text(), request.folder(), request.sha256().isEmpty() ? null : request.sha256(), credentials,
                options);
    }

    private void addUrls(String text, Path folder, String sha256, Credentials credentials, RequestOptions options) {
        UrlExtractor.Extraction found = UrlExtractor.extract(text);
        if (found.isEmpty()) {
            message.set(UserMessage.warning(i18n.get("msg.noUrl", shorten(text))));
            return;
        }
        if (sha256 != null && found.urls().size() != 1) {
            message.set(UserMessage.error(i18n.get("msg.checksumNeedsOneUrl")));
            return;
        }
        Set<String> queued = queue.snapshots().stream()
                .map(s -> s.record().spec())
                .filter(spec -> spec instanceof DownloadSpec)
                .map(TransferSpec::url)
                .collect(Collectors.toSet());
        queued.addAll(pendingUrls);
        List<Addition> additions = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        found.refused().forEach(r -> refused.add(r.reason()));
        for (NormalizedUrl url : found.urls()) {
            String uri = url.uri().toString();
            if (!queued.add(uri)) {
                duplicates.add(uri);
                continue;
            }
            try {
                DownloadSpec spec = DownloadSpec.of(uri, folder).withRequest(options);
                if (sha256 != null) {
                    spec = spec.withSha256(sha256);
                }
                Credentials given = credentials != null ? credentials
                        : url.username() == null ? null : new Credentials(url.username(), url.password());
                additions.add(new Addition(uri, spec, given));
            } catch (IllegalArgumentException e) {
                refused.add(uri + ": " + e.getMessage());
            }
        }
        if (additions.isEmpty()) {
            refresh();
            reportAdded(0, duplicates, refused, refused.size());
            return;
        }
        List<String> urls = additions.stream().map(Addition::url).toList();
        pendingUrls.addAll(urls);
        writes.submit(() -> addAll(additions), failure -> {
            urls.forEach(pendingUrls::remove);
            int refusedCount = refused.size();
            if (failure.isPresent()) {
                // One reason for the whole batch, said once rather than under each of a thousand URLs.
                refused.add((urls.size() == 1 ? urls.getFirst() : urls.getFirst() + " … " + urls.getLast())
                        + ": " + failure.get());
                refusedCount += urls.size();
            }
            reportAdded(failure.isPresent() ? 0 : additions.size(), duplicates, refused, refusedCount);
        });
    }

    /** Background thread: adds the tasks with one sync, or says why none of them could be added. */
    private Optional<String> addAll(List<Addition> additions) {
        try {
            queue.addAll(additions.stream().map(a -> new TransferQueue.Addition(a.spec(), a.credentials())).toList());
            return Optional.empty();
        } catch (UncheckedIOException | IllegalStateException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private void reportAdded(int started, List<String> duplicates, List<String> refused, int refusedCount) {
        List<String> lines = new ArrayList<>();
        if (started > 0) {
            lines.add(i18n.get("msg.started", started));
        }
        if (!duplicates.isEmpty()) {
            lines.add(i18n.get("msg.duplicates", duplicates.size(), String.join(", ", duplicates)));
        }
        if (!refused.isEmpty()) {
            lines.add(i18n.get("msg.refused", refusedCount) + "\n• " + String.join("\n• ", refused));
        }
        String text = String.join("\n", lines);
        if (!refused.isEmpty()) {
            message.set(UserMessage.error(text));
        } else if (!duplicates.isEmpty()) {
            message.set(UserMessage.warning(text));
        } else {
            message.set(UserMessage.info(text));
        }
    }

    private static String shorten(String text) {
        String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }

    /**
     * Dropped or chosen paths: folders are refused with a message, the files are returned for the
     * upload dialog (empty when nothing is left to upload).
     */
    public List<Path> filesToUpload(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                refused.add(i18n.get("msg.folderRefused", String.valueOf(path.getFileName())));
            } else if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                refused.add(i18n.get("msg.fileUnreadable", String.valueOf(path)));
            } else {
                files.add(path);
            }
        }
        if (!refused.isEmpty()) {
            message.set(UserMessage.warning(i18n.get("msg.refused", refused.size()) + "\n• " + String.join("\n• ", refused)));
        }
        return files;
    }

    /** Starts the uploads the dialog asked for and remembers its choices. */
    public void upload(UploadRequest request) {
        List<TransferSpec> specs;
        Credentials credentials;
        try {
            specs = request.specs();
            credentials = request.credentials();
        } catch (IllegalArgumentException e) {
            message.set(UserMessage.error(e.getMessage()));
            return;
        }
        writes.submit(() -> addUploads(specs, credentials), failure -> {
            if (failure.isPresent()) {
                message.set(UserMessage.error(failure.get()));
                return;
            }
            String target = request.url().strip();
            updateSettings(settings.get().withUpload(settings.get().upload().remember(target, request.mode(),
                    request.fieldName(), request.extraFields(), request.onePerFile(), request.tus(), request.user())));
            message.set(UserMessage.info(i18n.get("msg.uploadsStarted", specs.size())));
        });
    }

    /** Background thread: adds the uploads, or says why they could not be added. */
    private Optional<String> addUploads(List<TransferSpec> specs, Credentials credentials) {
        try {
            queue.addAll(specs.stream().map(spec -> new TransferQueue.Addition(spec, credentials)).toList());
            return Optional.empty();
        } catch (UncheckedIOException | IllegalStateException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    // ---------------------------------------------------------------- commands: the selection

    public void pauseSelected() {
        forSelected(TaskState::isActive, queue::pause);
    }

    public void resumeSelected() {
        forSelected(s -> s == TaskState.PAUSED, queue::resume);
    }

    public void cancelSelected() {
        forSelected(s -> s.isActive() || s == TaskState.PAUSED || s == TaskState.NEEDS_CREDENTIALS, queue::cancel);
    }

    public void retrySelected() {
        forSelected(s -> s == TaskState.FAILED || s == TaskState.CANCELLED, queue::resume);
    }

    /** Space: pauses the selection if anything in it moves, else resumes what is paused. */
    public void toggleSelected() {
        if (canPause.get()) {
            pauseSelected();
        } else if (canResume.get() || canRetry.get()) {
            forSelected(TaskState::isResumable, queue::resume);
        }
    }

    public void removeSelected(boolean deleteFiles) {
        // Read on the FX thread: the models belong to it.
        Map<TaskId, String> chosen = new java.util.LinkedHashMap<>();
        selection.forEach(model -> chosen.put(model.id(), model.name()));
        writes.submit(() -> removeAll(chosen, deleteFiles), problems -> {
            if (!problems.isEmpty()) {
                message.set(UserMessage.error(i18n.get("msg.removeFailed") + "\n• " + String.join("\n• ", problems)));
            }
        });
    }

    /** Background thread: removes the tasks (a second removal of one is a no-op), with a line per failure. */
    private List<String> removeAll(Map<TaskId, String> chosen, boolean deleteFiles) {
        List<String> problems = new ArrayList<>();
        chosen.forEach((id, name) -> {
            try {
                queue.remove(id, deleteFiles);
            } catch (IOException e) {
                problems.add(name + ": " + e.getMessage());
            }
        });
        return problems;
    }

    public void pauseAll() {
        queue.pauseAll();
        refresh();
    }

    public void resumeAll() {
        queue.resumeAll();
        refresh();
    }

    /** Answers a 401 challenge of the focused task; the password stays in memory. */
    public void provideCredentials(TaskModel model, String user, String password) {
        queue.provideCredentials(model.id(), new Credentials(user, password));
        refresh();
    }

    /** A finished task has nothing left to limit; any other may still move (a retry keeps its limit). */
    private static boolean canBeLimited(TaskState state) {
        return state != TaskState.COMPLETED;
    }

    /**
     * Limits each selected task that may still move (bytes per second, 0 for none). Like the
     * engine, the limit lives in memory only: it is gone after a restart.
     */
    public void limitSelected(long bytesPerSecond) {
        limit(List.copyOf(selection), bytesPerSecond);
    }

    /** Limits these tasks: the ones selected when a dialog opened (one removed meanwhile is skipped by the engine). */
    public void limit(List<TaskModel> models, long bytesPerSecond) {
        for (TaskModel model : models) {
            if (canBeLimited(model.state())) {
                queue.setTaskLimit(model.id(), bytesPerSecond);
                model.setSpeedLimit(bytesPerSecond);
            }
        }
    }

    public void openFile() {
        Optional.ofNullable(focused.get()).flatMap(m -> openableFile(m.record())).ifPresent(this::open);
    }

    public void openFolder() {
        Optional.ofNullable(focused.get()).flatMap(m -> folderOf(m.record())).ifPresent(this::open);
    }

    private void open(Path path) {
        if (!opener.open(path)) {
            message.set(UserMessage.warning(i18n.get("msg.cannotOpen", path)));
        }
    }

    private void forSelected(java.util.function.Predicate<TaskState> applies, Consumer<TaskId> action) {
        for (TaskModel model : List.copyOf(selection)) {
            if (applies.test(model.state())) {
                action.accept(model.id());
            }
        }
        refresh();
    }

    // ---------------------------------------------------------------- settings and lifecycle

    /** Stores new settings and hands the limits to the engine at once. */
    public void applySettings(Settings newSettings) {
        updateSettings(newSettings);
        queue.reconfigure(engineTuning.apply(engineConfig(newSettings)));
    }

    /** Stores settings without telling the engine (layout, upload choices). */
    public void updateSettings(Settings newSettings) {
        settings.set(newSettings);
        try {
            settingsStore.save(newSettings);
        } catch (IOException e) {
            message.set(UserMessage.error(i18n.get("msg.settingsNotSaved", settingsStore.file(), e.getMessage())));
        }
    }

    public void showMessage(UserMessage userMessage) {
        message.set(userMessage);
    }

    public void clearMessage() {
        message.set(null);
    }

    /** True while something runs: closing then asks whether to pause it. */
    public boolean hasRunningTransfers() {
        refresh();
        return activeCount > 0 || anyActive;
    }

    /**
     * Saves everything and releases the state directory. With {@code pauseFirst} the running
     * transfers are paused (they stay paused next time); without, they continue at the next start.
     */
    public void close(boolean pauseFirst) {
        // First the adds and removes still under way, so they are saved and paused like the rest.
        writes.close();
        if (pauseFirst) {
            queue.pauseAll();
        }
        queue.removeListener(listener);
        try {
            queue.close(Duration.ofSeconds(10));
        } catch (IOException e) {
            System.getLogger(MainViewModel.class.getName()).log(System.Logger.Level.WARNING,
                    "Closing the queue failed; its last saved state will be used", e);
        }
    }

    @Override
    public void close() {
        close(false);
    }

    // ---------------------------------------------------------------- properties

    public I18n i18n() {
        return i18n;
    }

    public TransferQueue queue() {
        return queue;
    }

    public ObservableList<TaskModel> tasks() {
        return FXCollections.unmodifiableObservableList(tasks);
    }

    public ObservableList<TaskModel> selection() {
        return FXCollections.unmodifiableObservableList(selection);
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRemoveProperty() {
        return canRemove.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canOpenFileProperty() {
        return canOpenFile.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canOpenFolderProperty() {
        return canOpenFolder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGiveCredentialsProperty() {
        return canGiveCredentials.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canLimitSpeedProperty() {
        return canLimitSpeed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseAllProperty() {
        return canPauseAll.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeAllProperty() {
        return canResumeAll.getReadOnlyProperty();
    }

    /** The first selected task: the one the details pane shows. */
    public ReadOnlyObjectProperty<TaskModel> focusedProperty() {
        return focused.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }
}
