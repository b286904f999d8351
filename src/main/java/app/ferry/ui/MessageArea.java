package app.ferry.ui;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The one place that shows what happened: every {@link Messages} message as a line below the
 * toolbar, above (never over) the table, each with its own close button. Warnings and errors stay
 * until closed or until they become untrue; an information closes itself after a while. Many
 * messages scroll inside a bounded area, so the table keeps most of the window.
 */
final class MessageArea {

    private static final Duration INFO_LIFETIME = Duration.seconds(10);
    private static final double MAX_HEIGHT = 180;

    private final Messages messages;
    private final I18n i18n;
    private final VBox lines = new VBox(4);
    private final ScrollPane scroll = new ScrollPane(lines);
    private final Map<UserMessage, Node> nodes = new HashMap<>();

    MessageArea(Messages messages, I18n i18n) {
        this.messages = messages;
        this.i18n = i18n;
        lines.setId("messages");
        lines.getStyleClass().add("message-area");
        scroll.setId("message-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMaxHeight(MAX_HEIGHT);
        scroll.getStyleClass().add("message-scroll");
        messages.shown().forEach(this::add);
        messages.shown().addListener((ListChangeListener<UserMessage>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::remove);
                change.getAddedSubList().forEach(this::add);
            }
        });
        updateVisibility();
    }

    javafx.scene.layout.Region node() {
        return scroll;
    }

    /** Every text on screen, one message a line: what the tests read. */
    String visibleText() {
        return messages.shown().stream().map(UserMessage::text).collect(Collectors.joining("\n"));
    }

    private void add(UserMessage message) {
        Label text = new Label(message.text());
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.getStyleClass().add("message-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll("flat", "message-close");
        close.setTooltip(new Tooltip(i18n.get("msg.dismiss")));
        close.setOnAction(e -> messages.dismiss(message));
        HBox line = new HBox(8, text, close);
        line.setAlignment(Pos.TOP_LEFT);
        line.getStyleClass().addAll("message", "message-" + message.kind().name().toLowerCase(Locale.ROOT));
        nodes.put(message, line);
        lines.getChildren().add(line);
        if (message.kind() == UserMessage.Kind.INFO) {
            PauseTransition fade = new PauseTransition(INFO_LIFETIME);
            fade.setOnFinished(e -> messages.dismiss(message));
            fade.play();
        }
        updateVisibility();
        // The newest message in view: the area scrolls when several are kept.
        scroll.layout();
        scroll.setVvalue(1.0);
    }

    private void remove(UserMessage message) {
        Node node = nodes.remove(message);
        if (node != null) {
            lines.getChildren().remove(node);
        }
        updateVisibility();
    }

    private void updateVisibility() {
        boolean any = !lines.getChildren().isEmpty();
        scroll.setVisible(any);
        scroll.setManaged(any);
    }
}
