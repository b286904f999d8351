package app.ferry.ui;

import javafx.animation.AnimationTimer;

/**
 * The one pump from the engine to the table: an {@link AnimationTimer} on the FX thread that lets
 * the task list sample the engine at most {@value #RATE_HZ} times a second, however many
 * transfers run and however many bytes arrive — no {@code Platform.runLater} per event or chunk.
 *
 * <p>Not a 100 ms {@code Timeline}: when a pulse comes late (a busy FX thread, a slow machine), an
 * indefinite Timeline replays every key frame it missed back to back, so a slow pass causes more
 * passes. The timer runs at most once per pulse and skips what it missed.
 */
final class ProgressSampler {

    static final int RATE_HZ = 10;
    private static final long PERIOD_NANOS = 1_000_000_000L / RATE_HZ;

    private final AnimationTimer timer;

    ProgressSampler(TaskListViewModel viewModel) {
        timer = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last >= PERIOD_NANOS) {
                    last = now;
                    viewModel.sample();
                }
            }
        };
    }

    void start() {
        timer.start();
    }

    void stop() {
        timer.stop();
    }
}
