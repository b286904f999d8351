package app.ferry.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A task's stable identity: also the name of its state file, so it is restricted to safe characters. */
public record TaskId(String value) implements Comparable<TaskId> {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @JsonCreator
    public TaskId {
        Objects.requireNonNull(value, "value");
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a task id: \"" + value + "\"");
        }
    }

    public static TaskId random() {
        return new TaskId(UUID.randomUUID().toString());
    }

    /** The first eight characters: enough to tell tasks apart in a file name or a listing. */
    public String shortForm() {
        return value.substring(0, Math.min(8, value.length()));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(TaskId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
