package app.ferry.ui;

/** Tells the user that a transfer ended, outside the window (a desktop notification). */
public interface Notifier {

    void finished(String name);

    void failed(String name, String reason);

    Notifier NONE = new Notifier() {
        @Override
        public void finished(String name) {
        }

        @Override
        public void failed(String name, String reason) {
        }
    };
}
