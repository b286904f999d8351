package app.ferry.ui;

/** Finished and failed transfers told in the window's {@link NotificationStack}. */
final class WindowNotifier implements Notifier {

    private final NotificationStack stack;
    private final I18n i18n;

    WindowNotifier(NotificationStack stack, I18n i18n) {
        this.stack = stack;
        this.i18n = i18n;
    }

    @Override
    public void finished(String name) {
        stack.show("finished", i18n.get("notify.finished"), name, 6);
    }

    @Override
    public void failed(String name, String reason) {
        // The reason is already plain text (PlainText.failureOf); stripped again, since a notice never shows markup.
        stack.show("failed", i18n.get("notify.failed"), name + "\n" + PlainText.of(reason), 20);
    }
}
