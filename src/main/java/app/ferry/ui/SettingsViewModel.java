package app.ferry.ui;

import app.ferry.engine.EngineConfig;
import app.ferry.engine.TransferQueue;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import java.io.IOException;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The settings: what the window shows and remembers, and the limits the engine runs with.
 *
 * <p>Threads: FX thread. Saving writes one small file (temp file, sync, rename) on this thread;
 * the settings dialog and closing the window are its only callers.
 */
public final class SettingsViewModel {

    private final TransferQueue queue;
    private final SettingsStore store;
    private final Messages messages;
    private final I18n i18n;
    private final UnaryOperator<EngineConfig> engineTuning;
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>(this, "settings");

    SettingsViewModel(TransferQueue queue, SettingsStore store, Settings initial, Messages messages, I18n i18n,
            UnaryOperator<EngineConfig> engineTuning) {
        this.queue = queue;
        this.store = store;
        this.messages = messages;
        this.i18n = i18n;
        this.engineTuning = engineTuning;
        this.settings.set(initial);
    }

    /** Any thread: the engine config the settings ask for. */
    public static EngineConfig engineConfig(Settings settings) {
        return EngineConfig.defaults()
                .withMaxConcurrent(settings.maxConcurrent())
                .withMaxRetries(settings.maxRetries())
                .withAutoResume(settings.autoResume())
                .withLimits(settings.downloadLimit(), settings.uploadLimit());
    }

    /** FX thread: stores new settings and hands the limits to the engine at once. */
    public void applySettings(Settings newSettings) {
        updateSettings(newSettings);
        queue.reconfigure(engineTuning.apply(engineConfig(newSettings)));
    }

    /** FX thread: stores settings without telling the engine (layout, upload choices). */
    public void updateSettings(Settings newSettings) {
        settings.set(newSettings);
        try {
            store.save(newSettings);
        } catch (IOException e) {
            messages.show(UserMessage.error(i18n.get("msg.settingsNotSaved", store.file(), e.getMessage())));
        }
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }
}
