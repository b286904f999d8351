package app.ferry.ui.table;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ConstrainedColumnResizeBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * The transfer table's column policy: the columns always share the table's width exactly, so there
 * is never a horizontal scrollbar and the last column is never cut off-screen.
 *
 * <p>Each column's preferred width is what it wishes for (its default, what was saved, what the
 * user dragged it to). The wishes are laid out over the width the table has in proportion to one
 * another, never below a column's minimum: saved widths therefore come back as proportions, and
 * exactly as saved in a window of the same size. The column the user set last (by dragging its
 * edge, or by setting its preferred width) keeps exactly what was set while the others make room,
 * as far as their minimums allow; JavaFX's own constrained policies rescale every column on the
 * next window resize and lost it.
 *
 * <p>When the table is narrower than the wishes together, the columns given a comfortable width
 * (numbers and states: the width of a long value such as "999.9 MiB") keep it while the others
 * (names, folders) give up room, as far as those others' minimums allow; only below that do all
 * shrink towards their minimums. A name can be read in its tooltip, a cut "256.0 …" cannot.
 *
 * <p>Extends {@link ConstrainedColumnResizeBase} so the table suppresses its horizontal scrollbar.
 */
final class ColumnShare extends ConstrainedColumnResizeBase
        implements Callback<TableView.ResizeFeatures, Boolean> {

    /** Key of a column's comfortable width in its properties (see {@link #comfort}). */
    private static final String COMFORT = "ferry.column.comfort";

    private final TableView<?> table;
    private TableColumn<?, ?> pinned;
    /** True while this class sets wishes itself (a restore, a drag): those are not the user's own setting. */
    private boolean settingWishes;

    ColumnShare(TableView<?> table) {
        this.table = table;
    }

    /** Watches {@code column}'s preferred width: a width set from outside is the user's wish. */
    void watch(TableColumn<?, ?> column) {
        ChangeListener<Number> onWish = (obs, old, wish) -> {
            if (!settingWishes) {
                pinned = column;
                refit();
            }
        };
        column.prefWidthProperty().addListener(onWish);
    }

    /** The width {@code column} keeps, while the columns without one still have room, when all must shrink. */
    static void comfort(TableColumn<?, ?> column, double width) {
        column.getProperties().put(COMFORT, width);
    }

    /** Sets saved widths as wishes: proportions for the window the table has, nothing pinned. */
    void restore(Runnable setWidths) {
        settingWishes = true;
        try {
            setWidths.run();
        } finally {
            settingWishes = false;
        }
        pinned = null;
        refit();
    }

    @Override
    public Boolean call(TableView.ResizeFeatures features) {
        TableColumn<?, ?> dragged = features.getColumn();
        if (dragged != null) {
            if (!dragged.isResizable()) {
                return false;
            }
            // A drag moves the column's edge by delta: that is its new wish, kept while others make room.
            double wish = Math.max(dragged.getMinWidth(), Math.min(dragged.getMaxWidth(),
                    dragged.getWidth() + features.getDelta()));
            settingWishes = true;
            try {
                dragged.setPrefWidth(Math.round(wish));
            } finally {
                settingWishes = false;
            }
            pinned = dragged;
        }
        return fit(features);
    }

    private void refit() {
        if (table.getSkin() != null) {
            fit(new TableView.ResizeFeatures<>(table, null, 0.0));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean fit(TableView.ResizeFeatures features) {
        double content = Math.floor(features.getContentWidth());
        List<? extends TableColumn<?, ?>> columns = List.copyOf(table.getVisibleLeafColumns());
        if (content <= 0 || columns.isEmpty()) {
            return false;
        }
        double[] widths = widths(columns, content);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).isResizable()) {
                features.setColumnWidth((javafx.scene.control.TableColumnBase) columns.get(i), widths[i]);
            }
        }
        return true;
    }

    /** The width of each column: fixed ones as they are, the pinned one as set, the rest in proportion. */
    private double[] widths(List<? extends TableColumn<?, ?>> columns, double content) {
        int count = columns.size();
        double[] widths = new double[count];
        double share = content;
        List<Integer> free = new ArrayList<>();
        double freeMinimums = 0;
        for (int i = 0; i < count; i++) {
            TableColumn<?, ?> column = columns.get(i);
            if (!column.isResizable()) {
                widths[i] = column.getWidth();
                share -= widths[i];
            } else if (column != pinned) {
                free.add(i);
                freeMinimums += column.getMinWidth();
            }
        }
        int pinnedAt = pinned == null ? -1 : columns.indexOf(pinned);
        if (pinnedAt >= 0 && pinned.isResizable()) {
            // Kept as set, unless the others could then not have their minimums.
            double most = Math.max(pinned.getMinWidth(), share - freeMinimums);
            widths[pinnedAt] = Math.round(Math.max(pinned.getMinWidth(), Math.min(pinned.getPrefWidth(), most)));
            share -= widths[pinnedAt];
        }
        distribute(columns, free, share, floors(columns, free, share), widths);
        return widths;
    }

    /**
     * The least each free column may get: its minimum while the wishes fit; when they do not, a
     * column with a comfortable width keeps it as long as the others can still have their minimums,
     * and below that all comfortable widths give way evenly towards the minimums (no sudden jump).
     */
    private static double[] floors(List<? extends TableColumn<?, ?>> columns, List<Integer> free, double share) {
        double[] floors = new double[columns.size()];
        double wishes = 0;
        double minimums = 0;
        double comforts = 0;
        for (int i : free) {
            TableColumn<?, ?> column = columns.get(i);
            floors[i] = column.getMinWidth();
            wishes += wish(column);
            minimums += column.getMinWidth();
            comforts += Math.max(column.getMinWidth(), comfortOf(column));
        }
        if (share >= wishes || comforts <= minimums) {
            return floors;
        }
        double part = Math.max(0, Math.min(1, (share - minimums) / (comforts - minimums)));
        for (int i : free) {
            TableColumn<?, ?> column = columns.get(i);
            double extra = Math.max(0, comfortOf(column) - column.getMinWidth());
            floors[i] = Math.floor(column.getMinWidth() + part * extra);
        }
        return floors;
    }

    private static double comfortOf(TableColumn<?, ?> column) {
        return column.getProperties().get(COMFORT) instanceof Double width ? width : 0;
    }

    /**
     * Shares {@code share} among the {@code free} columns in proportion to their wishes; a column
     * that would fall below its floor (or above its maximum) gets that bound and the others share
     * the rest. Whole pixels, and together exactly {@code share}.
     */
    private static void distribute(List<? extends TableColumn<?, ?>> columns, List<Integer> free, double share,
            double[] floors, double[] widths) {
        List<Integer> open = new ArrayList<>(free);
        double remaining = share;
        boolean bounded = true;
        while (bounded && !open.isEmpty()) {
            bounded = false;
            double wishes = open.stream().mapToDouble(i -> wish(columns.get(i))).sum();
            for (int i : List.copyOf(open)) {
                TableColumn<?, ?> column = columns.get(i);
                double width = remaining * wish(column) / wishes;
                double bound = width < floors[i] ? floors[i]
                        : width > column.getMaxWidth() ? column.getMaxWidth() : -1;
                if (bound >= 0) {
                    widths[i] = bound;
                    remaining -= bound;
                    open.remove((Integer) i);
                    bounded = true;
                    break;
                }
            }
        }
        if (open.isEmpty()) {
            return;
        }
        double wishes = open.stream().mapToDouble(i -> wish(columns.get(i))).sum();
        double before = 0;
        double cumulative = 0;
        for (int i : open) {
            cumulative += wish(columns.get(i));
            double edge = Math.round(remaining * cumulative / wishes);
            widths[i] = edge - before;
            before = edge;
        }
    }

    private static double wish(TableColumn<?, ?> column) {
        return Math.max(column.getPrefWidth(), 1);
    }
}
