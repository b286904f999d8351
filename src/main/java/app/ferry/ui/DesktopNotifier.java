package app.ferry.ui;

import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** ControlsFX notifications in the corner of the screen when a transfer finishes or fails. */
final class DesktopNotifier implements Notifier {

    private final Window owner;
    private final I18n i18n;

    DesktopNotifier(Window owner, I18n i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    @Override
    public void finished(String name) {
        if (owner.isShowing()) {
            Notifications.create().owner(owner).title(i18n.get("notify.finished")).text(name)
                    .hideAfter(Duration.seconds(5)).showInformation();
        }
    }

    @Override
    public void failed(String name, String reason) {
        if (owner.isShowing()) {
            Notifications.create().owner(owner).title(i18n.get("notify.failed")).text(name + "\n" + reason)
                    .hideAfter(Duration.seconds(10)).showError();
        }
    }
}
