package app.ferry.ui.filter;

import app.ferry.ui.TaskModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sidebar's group and the search text, combined into one predicate over the rows, and the
 * count of each group. FX thread only; the counts follow the task list's update passes (at the
 * sampler's bounded rate), never each byte.
 */
public final class TaskFilterViewModel {

    private final ObjectProperty<TaskCategory> category = new SimpleObjectProperty<>(this, "category", TaskCategory.ALL);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<Predicate<TaskModel>> predicate =
            new ReadOnlyObjectWrapper<>(this, "predicate", task -> true);
    private final Map<TaskCategory, ReadOnlyIntegerWrapper> counts = new EnumMap<>(TaskCategory.class);
    /** The rows of the chosen group at the last pass: the filter runs again only when they change. */
    private List<TaskModel> inGroup = List.of();
    /** Type by file name: the extension is looked at once per name, not at every pass. */
    private final Map<String, java.util.Optional<TaskCategory>> types = new HashMap<>();
    private static final List<TaskCategory> STATE_GROUPS = List.of(TaskCategory.DOWNLOADING, TaskCategory.UPLOADING,
            TaskCategory.COMPLETED, TaskCategory.FAILED);

    public TaskFilterViewModel() {
        for (TaskCategory c : TaskCategory.values()) {
            counts.put(c, new ReadOnlyIntegerWrapper(this, c.name(), 0));
        }
        category.addListener((obs, old, now) -> refilter());
        search.addListener((obs, old, now) -> refilter());
    }

    /** FX thread, after each update pass: recounts the groups, and filters again (states change groups). */
    public void update(List<TaskModel> rows) {
        // One look at each row (its state group, its type from a cache by name): ten thousand
        // rows at ten passes a second must not hold up the FX thread.
        int[] counted = new int[TaskCategory.values().length];
        TaskCategory chosen = category.get() == null ? TaskCategory.ALL : category.get();
        List<TaskModel> now = chosen == TaskCategory.ALL ? rows : new ArrayList<>();
        for (TaskModel row : rows) {
            TaskCategory group = stateGroup(row);
            TaskCategory type = types.computeIfAbsent(row.name(), n -> java.util.Optional.ofNullable(TaskCategory.typeOf(n))).orElse(null);
            if (group != null) {
                counted[group.ordinal()]++;
            }
            if (type != null) {
                counted[type.ordinal()]++;
            }
            if (chosen != TaskCategory.ALL && (chosen == group || chosen == type)) {
                now.add(row);
            }
        }
        counted[TaskCategory.ALL.ordinal()] = rows.size();
        counts.forEach((c, count) -> count.set(counted[c.ordinal()]));
        if (types.size() > 2 * rows.size() + 64) {
            types.clear(); // Names of removed or renamed tasks.
        }
        if (chosen != TaskCategory.ALL && !now.equals(inGroup)) {
            // A task whose state moved it into or out of the group: a new predicate filters again.
            // Not on every pass: that would reset the table's selection ten times a second.
            inGroup = now;
            refilter();
        }
    }

    /** The one state group of a row (they do not overlap), or null. */
    private static TaskCategory stateGroup(TaskModel row) {
        for (TaskCategory c : STATE_GROUPS) {
            if (c.matches(row)) {
                return c;
            }
        }
        return null;
    }

    private void refilter() {
        TaskCategory chosen = category.get() == null ? TaskCategory.ALL : category.get();
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        predicate.set(task -> chosen.matches(task) && (text.isEmpty() || matchesText(task, text)));
    }

    /** Names and URLs (the one asked for and, for downloads, where it redirected), case-insensitive. */
    static boolean matchesText(TaskModel task, String lowerText) {
        if (task.name().toLowerCase(Locale.ROOT).contains(lowerText)) {
            return true;
        }
        var record = task.record();
        if (record.spec().url().toLowerCase(Locale.ROOT).contains(lowerText)) {
            return true;
        }
        return record.download() != null && record.download().finalUrl() != null
                && record.download().finalUrl().toLowerCase(Locale.ROOT).contains(lowerText);
    }

    public ObjectProperty<TaskCategory> categoryProperty() {
        return category;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The rows to show: the group's and matching the search. */
    public ReadOnlyObjectProperty<Predicate<TaskModel>> predicateProperty() {
        return predicate.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty countProperty(TaskCategory c) {
        return counts.get(c).getReadOnlyProperty();
    }
}
