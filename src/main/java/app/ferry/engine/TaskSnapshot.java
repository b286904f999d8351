package app.ferry.engine;

/**
 * A task as it is this instant: its persisted record plus the live counters. Cheap to make;
 * the GUI and the CLI ask for one whenever they repaint, the engine never pushes them.
 *
 * @param bytesDone bytes transferred so far (may run ahead of what is durable)
 * @param totalBytes the full size, or -1 while unknown
 * @param bytesPerSecond recent speed, 0 when not running
 */
public record TaskSnapshot(TaskRecord record, long bytesDone, long totalBytes, long bytesPerSecond) {

    public TaskId id() {
        return record.id();
    }

    public TaskState state() {
        return record.state();
    }

    public String name() {
        return record.name();
    }

    public Direction direction() {
        return record.direction();
    }

    /** Fraction done in [0, 1], or -1 when the size is unknown. */
    public double fraction() {
        if (totalBytes <= 0) {
            return totalBytes == 0 && state() == TaskState.COMPLETED ? 1 : -1;
        }
        return Math.min(1.0, (double) bytesDone / totalBytes);
    }

    /** Seconds left at the current speed, or -1 when that cannot be said. */
    public long etaSeconds() {
        if (totalBytes < 0 || bytesPerSecond <= 0 || state() != TaskState.RUNNING) {
            return -1;
        }
        return (totalBytes - bytesDone + bytesPerSecond - 1) / bytesPerSecond;
    }
}
