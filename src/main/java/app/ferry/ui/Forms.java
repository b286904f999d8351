package app.ferry.ui;

import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Column rules shared by the dialogs' label/field grids (labels never shrink, fields take the
 * rest) and the frame of a dialog's content (a margin, and a scrollbar only on a low screen).
 */
public final class Forms {

    /** Room the dialog's own parts (title bar, header, buttons) take beside its content. */
    private static final double DIALOG_CHROME = 140;

    private Forms() {
    }

    public static ColumnConstraints labelColumn() {
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        return labels;
    }

    public static ColumnConstraints fieldColumn() {
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        return fields;
    }

    /**
     * A dialog's content with a margin (labels never touch the dialog's edge), as tall as it needs
     * to be, but scrolling rather than growing past a low screen (800×500): the dialog then keeps its
     * buttons on screen.
     */
    public static ScrollPane dialogContent(Region content) {
        content.setPadding(new Insets(6, 16, 6, 16));
        ScrollPane scroll = new ScrollPane(content) {
            @Override
            protected double computePrefHeight(double width) {
                return Math.min(super.computePrefHeight(width), highest());
            }

            @Override
            protected double computePrefWidth(double height) {
                // Room for the scrollbar when it shows, so it never covers the fields.
                return super.computePrefWidth(height) + (super.computePrefHeight(-1) > highest() ? 16 : 0);
            }
        };
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent; -fx-background-insets: 0; -fx-padding: 0;");
        return scroll;
    }

    private static double highest() {
        return Math.max(200, javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() - DIALOG_CHROME);
    }
}
