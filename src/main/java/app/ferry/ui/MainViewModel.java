package app.ferry.ui;

import app.ferry.engine.EngineConfig;
import app.ferry.engine.TransferQueue;
import app.ferry.ui.auto.ClipboardWatch;
import app.ferry.ui.auto.QueueSchedule;
import app.ferry.ui.filter.TaskFilterViewModel;
import app.ferry.ui.graph.SpeedHistory;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The main window's view-model: composes the feature view-models, which never touch a control —
 * {@link TaskListViewModel} (rows, status, notices), {@link SelectionViewModel} (enable flags and
 * commands), {@link AddDownloadsViewModel}, {@link UploadsViewModel}, {@link SettingsViewModel} —
 * around one {@link Messages} bar and one {@link QueueWrites} background thread.
 *
 * <p>Threads: every view-model method runs on the FX thread and returns at once; what waits for
 * the disk (adding, removing, pausing, resuming tasks) runs on the {@code ferry-queue-writes}
 * thread, whose results the next {@link TaskListViewModel#sample()} hands back to the FX thread.
 */
public final class MainViewModel implements AutoCloseable {

    private final TransferQueue queue;
    private final I18n i18n;
    private final QueueWrites writes;
    private final Messages messages = new Messages();
    private final TaskListViewModel list;
    private final SelectionViewModel selection;
    private final LinkRefreshes linkRefreshes = new LinkRefreshes();
    private final AddDownloadsViewModel adding;
    private final UploadsViewModel uploads;
    private final SettingsViewModel settings;
    private final TaskFilterViewModel filter = new TaskFilterViewModel();
    private final SpeedHistory speeds = new SpeedHistory();
    private final TaskEditsViewModel edits;
    private final ClipboardWatch clipboardWatch;
    private final QueueSchedule schedule;

    public MainViewModel(TransferQueue queue, SettingsStore settingsStore, Settings initial, I18n i18n,
            DesktopOpener opener, UnaryOperator<EngineConfig> engineTuning) {
        this(queue, settingsStore, initial, i18n, opener, engineTuning, QueueWrites.newThread());
    }

    /** @param queueWrites the single thread that changes tasks on disk; the view-model shuts it down */
    MainViewModel(TransferQueue queue, SettingsStore settingsStore, Settings initial, I18n i18n,
            DesktopOpener opener, UnaryOperator<EngineConfig> engineTuning, ExecutorService queueWrites) {
        this.queue = queue;
        this.i18n = i18n;
        this.settings = new SettingsViewModel(queue, settingsStore, initial, messages, i18n, engineTuning);
        // Set by engine events and finished background commands alike; the list's next sample clears it.
        AtomicBoolean dirty = new AtomicBoolean(true);
        this.writes = new QueueWrites(queueWrites, () -> dirty.set(true));
        this.list = new TaskListViewModel(queue, writes, dirty, messages, i18n,
                () -> settings.settingsProperty().get().notifications());
        this.selection = new SelectionViewModel(queue, list, writes, messages, i18n, opener, linkRefreshes);
        this.adding = new AddDownloadsViewModel(queue, writes, messages, i18n,
                () -> settings.settingsProperty().get().downloadPath());
        this.uploads = new UploadsViewModel(queue, writes, messages, i18n, settings);
        this.edits = new TaskEditsViewModel(queue, writes, messages, i18n, selection.selection());
        this.clipboardWatch = new ClipboardWatch(() -> settings.settingsProperty().get().automation().watchClipboard(),
                url -> list.tasks().stream().anyMatch(m -> m.record().spec().url().equals(url)));
        this.schedule = new QueueSchedule(() -> settings.settingsProperty().get().automation(), selection::resumeAll,
                selection::pauseAll);
        list.setAfterPass(() -> {
            selection.updateCommands();
            edits.update();
            filter.update(list.tasks());
        }, () -> speeds.record(System.nanoTime(), list.downloadSpeed(), list.uploadSpeed()));
        list.refresh();
    }

    /** Any thread: the engine config the settings ask for (a manual proxy without its password). */
    public static EngineConfig engineConfig(Settings settings) {
        return SettingsViewModel.engineConfig(settings, null);
    }

    /** FX thread: true while something is queued or runs: closing then asks whether to pause it. */
    public boolean hasRunningTransfers() {
        list.refresh();
        return list.runningCount() > 0 || list.anyActive();
    }

    /**
     * FX thread, when the window closes: waits for the background commands already asked for,
     * saves everything and releases the state directory. With {@code pauseFirst} the running
     * transfers are paused (they stay paused next time); without, they continue at the next start.
     */
    public void close(boolean pauseFirst) {
        // First the adds and removes still under way, so they are saved and paused like the rest.
        writes.close();
        if (pauseFirst) {
            queue.pauseAll();
        }
        list.detach();
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

    public TaskListViewModel list() {
        return list;
    }

    /** Downloads waiting for a new link from the browser ("Refresh link"). */
    public LinkRefreshes linkRefreshes() {
        return linkRefreshes;
    }

    public SelectionViewModel selection() {
        return selection;
    }

    public AddDownloadsViewModel adding() {
        return adding;
    }

    public UploadsViewModel uploads() {
        return uploads;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public TaskFilterViewModel filter() {
        return filter;
    }

    public SpeedHistory speeds() {
        return speeds;
    }

    public TaskEditsViewModel edits() {
        return edits;
    }

    public ClipboardWatch clipboardWatch() {
        return clipboardWatch;
    }

    public QueueSchedule schedule() {
        return schedule;
    }

    public Messages messages() {
        return messages;
    }

    public I18n i18n() {
        return i18n;
    }

    public TransferQueue queue() {
        return queue;
    }
}
