package app.ferry.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Notices of finished and failed transfers, stacked in the window's lower right corner: inside
 * the window, so never off the screen's edge; one above the other, so never overlapping; colored
 * with the theme's variables, so readable in the light and the dark theme. Plain labels only: a
 * notice never renders markup.
 */
final class NotificationStack {

    /** More at once would cover the table: the oldest give way. */
    static final int MAX_SHOWN = 4;
    private static final double WIDTH = 360;

    private final VBox stack = new VBox(8);
    private final I18n i18n;

    NotificationStack(I18n i18n) {
        this.i18n = i18n;
        stack.setId("notices");
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        stack.setPickOnBounds(false);
        stack.setPadding(new Insets(12, 12, 36, 12));
        stack.setMaxSize(WIDTH + 24, Double.MAX_VALUE);
        StackPane.setAlignment(stack, Pos.BOTTOM_RIGHT);
    }

    /** The layer to put over the window's content. */
    Node node() {
        return stack;
    }

    /** FX thread: shows a notice for {@code seconds}, or until closed. */
    void show(String kind, String title, String text, double seconds) {
        Label heading = new Label(title);
        heading.getStyleClass().add("notice-title");
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll("flat", "notice-close");
        close.setTooltip(new Tooltip(i18n.get("msg.dismiss")));
        HBox top = new HBox(8, heading, close);
        HBox.setHgrow(heading, Priority.ALWAYS);
        heading.setMaxWidth(Double.MAX_VALUE);
        top.setAlignment(Pos.CENTER_LEFT);
        Label body = new Label(text);
        body.setWrapText(true);
        body.getStyleClass().add("notice-text");
        VBox card = new VBox(4, top, body);
        card.getStyleClass().addAll("notice", "notice-" + kind);
        card.setPrefWidth(WIDTH);
        card.setMaxWidth(WIDTH);
        card.setMaxHeight(BorderPane.USE_PREF_SIZE);
        close.setOnAction(e -> stack.getChildren().remove(card));
        stack.getChildren().add(card);
        while (stack.getChildren().size() > MAX_SHOWN) {
            stack.getChildren().removeFirst();
        }
        PauseTransition life = new PauseTransition(Duration.seconds(seconds));
        life.setOnFinished(e -> stack.getChildren().remove(card));
        life.play();
    }
}
