package app.ferry.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Window;

/**
 * Every text the user can see in every open window (the main one, dialogs, notifications): the
 * text of each visible Labeled (table and list cells included), Text and text field, and each
 * control's tooltip. FX thread only.
 */
final class VisibleTexts {

    /** One text on screen and where: the node's id or class, for the failure message. */
    record Shown(String where, String text) {
    }

    private VisibleTexts() {
    }

    /** @param skipIds nodes whose text is not the window's words (the server's headers and body) */
    static List<Shown> all(Set<String> skipIds) {
        List<Shown> out = new ArrayList<>();
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window.isShowing() && window.getScene() != null) {
                walk(window.getScene().getRoot(), skipIds, out);
            }
        }
        return out;
    }

    private static void walk(Node node, Set<String> skipIds, List<Shown> out) {
        if (!node.isVisible() || node.getId() != null && skipIds.contains(node.getId())) {
            return;
        }
        String where = node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName();
        switch (node) {
            case Labeled labeled -> add(out, where, labeled.getText());
            case TextInputControl input -> add(out, where, input.getText());
            case Text text -> add(out, where, text.getText());
            default -> {
            }
        }
        if (node instanceof Control control && control.getTooltip() != null) {
            add(out, where + " tooltip", control.getTooltip().getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, skipIds, out);
            }
        }
    }

    private static void add(List<Shown> out, String where, String text) {
        if (text != null && !text.isBlank()) {
            out.add(new Shown(where, text));
        }
    }
}
