package app.ferry.ui;

import app.ferry.engine.EngineConfig;
import app.ferry.engine.TransferQueue;
import app.ferry.ui.settings.ProxyPasswordStore;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import java.io.IOException;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The settings: what the window shows and remembers, and the limits and proxy the engine runs with.
 * The manual proxy's password is held here, in memory, and written to the owner-only
 * {@link ProxyPasswordStore} only when the user asked to remember it (docs/decisions/0007).
 *
 * <p>Threads: FX thread. Saving writes one or two small files (temp file, sync, rename) on this
 * thread; the settings dialog and closing the window are its only callers.
 */
public final class SettingsViewModel {

    private final TransferQueue queue;
    private final SettingsStore store;
    private final Messages messages;
    private final I18n i18n;
    private final UnaryOperator<EngineConfig> engineTuning;
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ProxyPasswordStore passwords;
    private String proxyPassword;

    SettingsViewModel(TransferQueue queue, SettingsStore store, Settings initial, Messages messages, I18n i18n,
            UnaryOperator<EngineConfig> engineTuning) {
        this.queue = queue;
        this.store = store;
        this.messages = messages;
        this.i18n = i18n;
        this.engineTuning = engineTuning;
        this.passwords = new ProxyPasswordStore(store.file().getParent());
        this.settings.set(initial);
    }

    /**
     * Any thread: the engine config the settings ask for.
     *
     * @param proxyPassword the manual proxy's password, or null when it is not known
     */
    public static EngineConfig engineConfig(Settings settings, String proxyPassword) {
        return EngineConfig.defaults()
                .withMaxConcurrent(settings.maxConcurrent())
                .withMaxRetries(settings.maxRetries())
                .withAutoResume(settings.autoResume())
                .withLimits(settings.downloadLimit(), settings.uploadLimit())
                .withProxy(settings.proxy().engineSettings(proxyPassword));
    }

    /** FX thread: as {@link #applySettings(Settings, String)} with the proxy password in use now. */
    public void applySettings(Settings newSettings) {
        applySettings(newSettings, proxyPassword);
    }

    /**
     * FX thread: stores new settings and hands the limits and the proxy to the engine at once (a
     * new proxy carries the requests sent from now on). The password is kept in memory, and on
     * disk (owner-only) only when the settings say to remember it; otherwise a kept one is deleted.
     *
     * @param password the manual proxy's password, or null when the settings need none
     */
    public void applySettings(Settings newSettings, String password) {
        updateSettings(newSettings);
        proxyPassword = password;
        try {
            if (newSettings.proxy().needsPassword() && newSettings.proxy().rememberPassword()) {
                // No password known (skipped at start, an empty field): nothing to remember. An
                // empty one saved would stop the start-up prompt from ever asking again.
                if (password != null && !password.isEmpty()) {
                    passwords.save(newSettings.proxy(), password);
                }
            } else {
                passwords.delete();
            }
        } catch (IOException e) {
            messages.show(UserMessage.error(i18n.get("msg.proxyPasswordNotSaved", passwords.file(),
                    new ProblemText(i18n).why(e))));
        }
        queue.reconfigure(engineTuning.apply(engineConfig(newSettings, password)));
    }

    /** FX thread: the manual proxy's password in use (remembered, asked at start or typed), or null. */
    public String proxyPassword() {
        return proxyPassword;
    }

    /** FX thread, at start: the password the queue was opened with (remembered or asked for). */
    void useProxyPassword(String password) {
        proxyPassword = password;
    }

    /** FX thread: stores settings without telling the engine (layout, upload choices). */
    public void updateSettings(Settings newSettings) {
        settings.set(newSettings);
        try {
            store.save(newSettings);
        } catch (IOException e) {
            messages.show(UserMessage.error(i18n.get("msg.settingsNotSaved", store.file(), new ProblemText(i18n).why(e))));
        }
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }
}
