package app.ferry.ui.graph;

import app.ferry.ui.Formats;
import app.ferry.ui.I18n;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;

/**
 * A small canvas of {@link SpeedHistory}: download in the accent colour, upload in the success
 * colour, over the last minutes. Redrawn when a point is recorded (at most the sampler's rate), a
 * few hundred line segments: cheap next to the table.
 */
public final class SpeedGraph {

    private static final double WIDTH = 160;
    private static final double HEIGHT = 22;

    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final SpeedHistory history;
    private final Tooltip tooltip = new Tooltip();
    private final I18n i18n;

    public SpeedGraph(SpeedHistory history, I18n i18n) {
        this.history = history;
        this.i18n = i18n;
        canvas.setId("speed-graph");
        Tooltip.install(canvas, tooltip);
        history.versionProperty().addListener((obs, old, now) -> draw());
        canvas.sceneProperty().addListener((obs, old, now) -> draw());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        // The theme's colours, read from the canvas's looked-up CSS would need a Region; these
        // two read well on AtlantaFX's light and dark backgrounds alike.
        Color downColor = Color.web("#2f81f7");
        Color upColor = Color.web("#3fb950");
        long peak = Math.max(history.peak(), 1024);
        line(g, downColor, peak, true);
        line(g, upColor, peak, false);
        g.setStroke(Color.gray(0.5, 0.5));
        g.strokeLine(0, HEIGHT - 0.5, WIDTH, HEIGHT - 0.5);
        tooltip.setText(i18n.get("graph.tooltip", Formats.speed(history.downAt(0)), Formats.speed(history.upAt(0)),
                Formats.speed(history.peak()), SpeedHistory.SECONDS / 60));
    }

    private void line(GraphicsContext g, Color color, long peak, boolean down) {
        int points = SpeedHistory.SECONDS;
        double step = WIDTH / (points - 1);
        g.setStroke(color);
        g.setLineWidth(1.2);
        g.beginPath();
        for (int age = points - 1; age >= 0; age--) {
            long value = down ? history.downAt(age) : history.upAt(age);
            double x = WIDTH - age * step;
            double y = HEIGHT - 1 - (HEIGHT - 3) * value / (double) peak;
            if (age == points - 1) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }

    public Node node() {
        return canvas;
    }
}
