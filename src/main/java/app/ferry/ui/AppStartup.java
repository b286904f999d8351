package app.ferry.ui;

import app.ferry.engine.StateDirectoryInUseException;
import app.ferry.engine.StateLock;
import app.ferry.handoff.HandOffServer;
import app.ferry.ui.settings.ProxyPasswordPrompt;
import app.ferry.ui.settings.ProxyPasswordStore;
import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * Starting the window: reads the settings, applies their theme, opens the queue, builds the
 * {@link MainViewModel} and hands it to a {@link MainWindow}, which then only lays out and binds.
 * What went wrong on the way (settings or tasks that could not be read and were set aside) is
 * said in the window's first message.
 *
 * <p>The queue's state directory is locked first, then the single-instance socket is served,
 * before the proxy password prompt can make the start wait: hand-offs that arrive meanwhile are
 * answered at once and kept ({@link HandOffInbox}), then queued once the window is up. A window
 * that cannot lock the directory (another Ferry holds it) never serves the socket, so no sender
 * is told "accepted" for downloads it cannot queue; if the queue still fails to open after the
 * prompt, the kept URLs are named in the error alert and the log.
 *
 * <p>Threads: FX thread, once, at start (the theme is the application's and alerts are windows).
 */
public final class AppStartup {

    private static final Logger LOG = Logger.getLogger(AppStartup.class.getName());

    /** The scheme and {@code //}, then the authority's user info: up to its last {@code @}. */
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*://)[^/?#]*@");

    private AppStartup() {
    }

    /**
     * Opens the settings and the queue and shows the window on {@code stage}. Empty (after telling
     * the user in an alert) only when the queue cannot be opened: another Ferry holds it, or the
     * folder cannot be used at all.
     */
    public static Optional<MainWindow> showWindow(AppContext context, DesktopOpener opener, Stage stage) {
        return showWindow(context, opener, stage, null);
    }

    /**
     * As {@link #showWindow(AppContext, DesktopOpener, Stage)}, serving {@code handOff} (this
     * Ferry's single-instance socket, or null) from the start: hand-offs are accepted and kept
     * while the start waits, and reach the window once it is up.
     */
    public static Optional<MainWindow> showWindow(AppContext context, DesktopOpener opener, Stage stage,
            HandOffServer handOff) {
        SettingsStore store = new SettingsStore(context.settingsDir(), context.defaultDownloadDir());
        SettingsStore.Loaded loaded = store.load();
        Settings settings = loaded.settings();
        I18n i18n = I18n.forLanguage(settings.language());
        Themes.apply(settings.theme());
        // The queue's lock before any hand-off is answered: a window that cannot have the queue
        // must not tell a sender its downloads were accepted.
        StateLock lock;
        try {
            lock = StateLock.take(context.stateDir());
        } catch (StateDirectoryInUseException e) {
            inUse(context, i18n, List.of());
            return Optional.empty();
        } catch (IOException e) {
            lock = null; // A folder that cannot be locked is moved aside, or said, by QueueOpener.
        }
        HandOffInbox inbox = new HandOffInbox();
        if (handOff != null) {
            handOff.serve(inbox);
        }
        String proxyPassword = proxyPassword(context, settings, i18n);

        QueueOpener.Opened opened;
        try {
            opened = QueueOpener.open(context.stateDir(), lock,
                    context.engineTuning().apply(SettingsViewModel.engineConfig(settings, proxyPassword)));
        } catch (StateDirectoryInUseException e) {
            inUse(context, i18n, notQueued(inbox));
            return Optional.empty();
        } catch (IOException e) {
            String text = i18n.get("startup.queueFailed", context.stateDir(), new ProblemText(i18n).why(e));
            new Alert(Alert.AlertType.ERROR, withNotQueued(text, i18n, notQueued(inbox))).show();
            return Optional.empty();
        }
        MainViewModel viewModel = new MainViewModel(opened.queue(), store, settings, i18n, opener, context.engineTuning());
        viewModel.settings().useProxyPassword(proxyPassword);
        MainWindow window = new MainWindow(viewModel);
        window.show(stage);
        startupMessage(i18n, loaded, opened, settings, proxyPassword).ifPresent(viewModel.messages()::show);
        inbox.openTo(new WindowHandOffReceiver(stage, viewModel), refused -> Platform.runLater(() -> viewModel.messages()
                .show(UserMessage.warning(i18n.get("startup.handOffRefused", refused.url(), refused.reason())))));
        return Optional.of(window);
    }

    private static void inUse(AppContext context, I18n i18n, List<String> notQueued) {
        Alert alert = new Alert(Alert.AlertType.ERROR,
                withNotQueued(i18n.get("startup.inUse", context.stateDir()), i18n, notQueued));
        alert.setHeaderText(i18n.get("startup.inUseHeader"));
        alert.show();
    }

    /**
     * The URLs handed over (and answered as accepted) while the start waited, which will not be
     * queued after all; logged, without user names or passwords, so they are not lost silently.
     */
    private static List<String> notQueued(HandOffInbox inbox) {
        List<String> urls = inbox.fail().stream().map(AppStartup::withoutUserInfo).toList();
        if (!urls.isEmpty()) {
            LOG.warning("The queue could not be opened; downloads handed over during start-up were not added: "
                    + String.join(" ", urls));
        }
        return urls;
    }

    private static String withNotQueued(String text, I18n i18n, List<String> notQueued) {
        return notQueued.isEmpty() ? text : text + "\n\n" + i18n.get("startup.handOffsNotQueued", String.join("\n", notQueued));
    }

    /** {@code url} without the {@code user:password@} of its authority, for alerts and logs. */
    static String withoutUserInfo(String url) {
        return USER_INFO.matcher(url).replaceFirst("$1");
    }

    /**
     * The manual proxy's password: the remembered one, else asked for before the queue opens (the
     * tasks it resumes would otherwise reach the proxy without it, and a 407 is not retried); null
     * when the proxy needs none or the user skipped the question.
     */
    private static String proxyPassword(AppContext context, Settings settings, I18n i18n) {
        if (!settings.proxy().needsPassword()) {
            return null;
        }
        return new ProxyPasswordStore(context.settingsDir()).load(settings.proxy())
                .or(() -> new ProxyPasswordPrompt(i18n, settings.proxy()).ask())
                .orElse(null);
    }

    private static Optional<UserMessage> startupMessage(I18n i18n, SettingsStore.Loaded loaded, QueueOpener.Opened opened,
            Settings settings, String proxyPassword) {
        List<String> lines = new ArrayList<>();
        if (settings.proxy().needsPassword() && proxyPassword == null) {
            lines.add(i18n.get("startup.proxyPasswordSkipped", settings.proxy().address()));
        }
        loaded.backup().ifPresent(backup -> lines.add(i18n.get("startup.settingsCorrupt", backup)));
        if (opened.backup() != null) {
            lines.add(i18n.get("startup.queueMovedAside", opened.backup(), new ProblemText(i18n).why(opened.broken())));
        }
        ProblemText text = new ProblemText(i18n);
        opened.problems().forEach(problem -> lines.add(i18n.get("startup.taskUnreadable", text.of(problem))));
        return lines.isEmpty() ? Optional.empty() : Optional.of(UserMessage.warning(String.join("\n", lines)));
    }
}
