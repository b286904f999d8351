package app.ferry.ui.filter;

import app.ferry.ui.TaskModel;
import java.util.EnumMap;
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

    public TaskFilterViewModel() {
        for (TaskCategory c : TaskCategory.values()) {
            counts.put(c, new ReadOnlyIntegerWrapper(this, c.name(), 0));
        }
        category.addListener((obs, old, now) -> refilter());
        search.addListener((obs, old, now) -> refilter());
    }

    /** FX thread, after each update pass: recounts the groups, and filters again (states change groups). */
    public void update(List<TaskModel> rows) {
        Map<TaskCategory, Integer> counted = new EnumMap<>(TaskCategory.class);
        for (TaskModel row : rows) {
            for (TaskCategory c : TaskCategory.values()) {
                if (c.matches(row)) {
                    counted.merge(c, 1, Integer::sum);
                }
            }
        }
        counts.forEach((c, count) -> count.set(counted.getOrDefault(c, 0)));
        TaskCategory chosen = category.get() == null ? TaskCategory.ALL : category.get();
        List<TaskModel> now = rows.stream().filter(chosen::matches).toList();
        if (!now.equals(inGroup)) {
            // A task whose state moved it into or out of the group: a new predicate filters again.
            // Not on every pass: that would reset the table's selection ten times a second.
            inGroup = now;
            refilter();
        }
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
