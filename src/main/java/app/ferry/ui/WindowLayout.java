package app.ferry.ui;

import app.ferry.ui.details.DetailsPane;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * How the main window's parts share it, at any size down to 800×500: toolbar and messages on top
 * (the messages below the toolbar, never over the table), the sidebar beside the table, the
 * details pane below the table, the status bar at the bottom.
 *
 * <p>The sidebar folds away when the window gets narrower than {@link #NARROW} (the table's
 * columns need the width more) and comes back when it gets wider again; the toolbar's sidebar
 * button shows or hides it at any width. The details pane is there only for a selected task, and
 * its toolbar button folds it away even then. No part has a minimum size that would make the
 * window larger than the screen: the sidebar scrolls instead.
 */
final class WindowLayout {

    /** Below this window width the sidebar folds away by itself. */
    static final double NARROW = 1000;
    private static final double SIDEBAR_SHARE = 0.16;
    private static final double TABLE_SHARE = 0.64;
    private static final double MESSAGES_MAX_HEIGHT = 180;

    private final Node sidebar;
    private final SplitPane sides;
    private final SplitPane split;
    private final DetailsPane details;
    private final ObservableValue<TaskModel> focused;
    private final BooleanProperty sidebarShown = new SimpleBooleanProperty(true);
    private final BooleanProperty detailsWanted = new SimpleBooleanProperty(true);
    private Region messages;

    /**
     * @param table      the table, which takes what the other parts leave
     * @param aboveTable wraps the table and its details with what sits right above them
     * @param focused    the task the details pane shows; null hides the pane
     */
    WindowLayout(Node sidebar, Node table, java.util.function.UnaryOperator<Node> aboveTable, DetailsPane details,
            ObservableValue<TaskModel> focused) {
        this.sidebar = sidebar;
        this.details = details;
        this.focused = focused;
        split = new SplitPane(table);
        split.setOrientation(Orientation.VERTICAL);
        split.setId("table-split");
        sides = new SplitPane(sidebar, aboveTable.apply(split));
        sides.setId("sides");
        SplitPane.setResizableWithParent(sidebar, false);
        sides.setDividerPositions(SIDEBAR_SHARE);
        focused.addListener((obs, old, task) -> updateDetails());
        detailsWanted.addListener((obs, old, wanted) -> updateDetails());
        sidebarShown.addListener((obs, old, shown) -> updateSidebar());
        updateDetails();
    }

    /** The whole window: {@code top} (toolbar), {@code messages} below it, the parts, {@code bottom}; then {@link #follow}. */
    Region root(Node top, Region messages, Node bottom) {
        this.messages = messages;
        BorderPane root = new BorderPane(sides);
        root.setTop(new VBox(top, messages));
        root.setBottom(bottom);
        root.setMinSize(0, 0);
        return root;
    }

    /** Folds the sidebar away when the window narrows past {@link #NARROW}, and back when it widens. */
    void follow(Scene scene) {
        // Many messages scroll within a fifth of a low window, so the table keeps its rows.
        messages.maxHeightProperty().bind(javafx.beans.binding.Bindings.min(MESSAGES_MAX_HEIGHT,
                scene.heightProperty().multiply(0.2)));
        sidebarShown.set(scene.getWidth() >= NARROW);
        scene.widthProperty().addListener((obs, old, width) -> {
            boolean wasWide = old.doubleValue() >= NARROW;
            boolean wide = width.doubleValue() >= NARROW;
            if (wasWide != wide) {
                sidebarShown.set(wide);
            }
        });
    }

    void toggleSidebar() {
        sidebarShown.set(!sidebarShown.get());
    }

    /** Before the search field takes the cursor (Ctrl+F): it lives in the sidebar. */
    void showSidebar() {
        sidebarShown.set(true);
    }

    void toggleDetails() {
        detailsWanted.set(!detailsWanted.get());
    }

    BooleanProperty sidebarShownProperty() {
        return sidebarShown;
    }

    BooleanProperty detailsWantedProperty() {
        return detailsWanted;
    }

    private void updateSidebar() {
        boolean shown = sides.getItems().contains(sidebar);
        if (sidebarShown.get() && !shown) {
            sides.getItems().addFirst(sidebar);
            sides.setDividerPositions(SIDEBAR_SHARE);
        } else if (!sidebarShown.get() && shown) {
            sides.getItems().remove(sidebar);
        }
    }

    // The details pane is there only for a selected task: with nothing selected the table has the window.
    private void updateDetails() {
        boolean show = detailsWanted.get() && focused.getValue() != null;
        boolean shown = split.getItems().contains(details.node());
        if (show && !shown) {
            split.getItems().add(details.node());
            split.setDividerPositions(TABLE_SHARE);
        } else if (!show && shown) {
            split.getItems().remove(details.node());
        }
    }
}
