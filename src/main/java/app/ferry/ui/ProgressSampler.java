package app.ferry.ui;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * The one pump from the engine to the table: a {@link Timeline} on the FX thread that asks the
 * view-model to sample the engine ten times a second. However many transfers run and however many
 * bytes arrive, the FX thread does at most {@value #RATE_HZ} update passes a second — no
 * {@code Platform.runLater} per event or chunk.
 */
final class ProgressSampler {

    static final int RATE_HZ = 10;

    private final Timeline timeline;

    ProgressSampler(MainViewModel viewModel) {
        timeline = new Timeline(new KeyFrame(Duration.millis(1000.0 / RATE_HZ), event -> viewModel.sample()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    void start() {
        timeline.play();
    }

    void stop() {
        timeline.stop();
    }
}
