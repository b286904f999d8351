package app.ferry.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's commands, each shown as a toolbar button and a context-menu item that share one
 * handler and one "enabled" condition from the view-model.
 */
final class Actions {

    /**
     * One command: id (for tests and CSS), label key, icon, shortcut hint, handler, when enabled
     * (null: always), and whether its toolbar button shows only the icon (the label is its tooltip).
     */
    record Action(String id, String labelKey, Ikon icon, String shortcut, Runnable handler, ObservableBooleanValue enabled,
            boolean iconOnly) {

        Action(String id, String labelKey, Ikon icon, String shortcut, Runnable handler, ObservableBooleanValue enabled) {
            this(id, labelKey, icon, shortcut, handler, enabled, false);
        }

        Action withIconOnly() {
            return new Action(id, labelKey, icon, shortcut, handler, enabled, true);
        }
    }

    private final I18n i18n;
    private final List<Object> toolbarLayout = new ArrayList<>();
    private final List<Object> menuLayout = new ArrayList<>();

    Actions(I18n i18n) {
        this.i18n = i18n;
    }

    /** Adds an action to the toolbar (and, with {@code inMenu}, to the context menu). */
    Actions add(Action action, boolean inMenu) {
        toolbarLayout.add(action);
        if (inMenu) {
            menuLayout.add(action);
        }
        return this;
    }

    Actions separator() {
        toolbarLayout.add(Orientation.VERTICAL);
        if (!menuLayout.isEmpty() && !(menuLayout.getLast() instanceof Orientation)) {
            menuLayout.add(Orientation.VERTICAL);
        }
        return this;
    }

    /** Pushes the remaining toolbar items to the right edge. */
    Actions spring() {
        toolbarLayout.add(Priority.ALWAYS);
        return this;
    }

    /**
     * The toolbar. What stands after the spring (settings) sits in a bar of its own at the right
     * edge, so a narrow window folds the other buttons into the overflow menu, never these.
     */
    Node toolBar() {
        ToolBar bar = new ToolBar();
        ToolBar end = new ToolBar();
        ToolBar current = bar;
        for (Object item : toolbarLayout) {
            switch (item) {
                case Action action -> current.getItems().add(button(action));
                case Orientation o -> current.getItems().add(new Separator(o));
                default -> current = end;
            }
        }
        if (end.getItems().isEmpty()) {
            return bar;
        }
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.setMinWidth(0);
        end.setMinWidth(Region.USE_PREF_SIZE);
        return new HBox(bar, end);
    }

    ContextMenu contextMenu() {
        ContextMenu menu = new ContextMenu();
        menu.setId("table-menu");
        for (Object item : menuLayout) {
            if (item instanceof Action action) {
                MenuItem menuItem = new MenuItem(i18n.get(action.labelKey()), new FontIcon(action.icon()));
                menuItem.setId("menu-" + action.id());
                menuItem.setOnAction(e -> action.handler().run());
                if (action.enabled() != null) {
                    menuItem.disableProperty().bind(javafx.beans.binding.Bindings.not(action.enabled()));
                }
                menu.getItems().add(menuItem);
            } else {
                menu.getItems().add(new SeparatorMenuItem());
            }
        }
        if (!menu.getItems().isEmpty() && menu.getItems().getLast() instanceof SeparatorMenuItem) {
            menu.getItems().removeLast();
        }
        return menu;
    }

    private Node button(Action action) {
        Button button = new Button(i18n.get(action.labelKey()), new FontIcon(action.icon()));
        button.setId(action.id());
        button.setFocusTraversable(false);
        if (action.iconOnly()) {
            button.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            button.getStyleClass().add(atlantafx.base.theme.Styles.BUTTON_ICON);
        }
        String tip = i18n.get(action.labelKey()) + (action.shortcut() == null ? "" : "  (" + shortcut(action.shortcut()) + ")");
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.handler().run());
        if (action.enabled() != null) {
            button.disableProperty().bind(javafx.beans.binding.Bindings.not(action.enabled()));
        }
        return button;
    }

    /** "Ctrl+V" as the keyboard says it in the window's language: named keys come from the bundle ({@code key.Space}). */
    private String shortcut(String keys) {
        StringBuilder out = new StringBuilder();
        for (String part : keys.split("\\+")) {
            out.append(out.isEmpty() ? "" : "+").append(NAMED_KEYS.contains(part) ? i18n.get("key." + part) : part);
        }
        return out.toString();
    }

    /** The keys with a name rather than a letter on them. */
    private static final java.util.Set<String> NAMED_KEYS = java.util.Set.of("Space", "Delete", "Enter");
}
