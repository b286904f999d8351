package app.ferry.engine;

/**
 * A task as it is this instant: its persisted record plus the live counters. Cheap to make;
 * the GUI and the CLI ask for one whenever they repaint, the engine never pushes them.
 *
 * @param bytesDone bytes transferred so far (may run ahead of what is durable); for an upload,
 *     bytes handed to the HTTP client, which may still sit in buffers on the way to the server
 * @param totalBytes the full size, or -1 while unknown
 * @param bytesPerSecond recent speed, 0 when not running and while {@code awaitingResponse}
 * @param awaitingResponse true while a running upload has handed every byte of its body to the
 *     HTTP client and no answer from the server has arrived yet: the server may still be
 *     receiving, storing or checking the file, and may yet refuse it. Front ends must not show
 *     the task as done then, even though {@link #fraction()} is 1
 */
public record TaskSnapshot(TaskRecord record, long bytesDone, long totalBytes, long bytesPerSecond,
                           boolean awaitingResponse) {

    /** A snapshot of a task that is not waiting for a server's answer. */
    public TaskSnapshot(TaskRecord record, long bytesDone, long totalBytes, long bytesPerSecond) {
        this(record, bytesDone, totalBytes, bytesPerSecond, false);
    }

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

    /** Fraction of the bytes moved in [0, 1], or -1 when the size is unknown. */
    public double fraction() {
        if (totalBytes <= 0) {
            return totalBytes == 0 && state() == TaskState.COMPLETED ? 1 : -1;
        }
        return Math.min(1.0, (double) bytesDone / totalBytes);
    }

    /**
     * Seconds left at the current speed, or -1 when that cannot be said: also while
     * {@link #awaitingResponse()}, when no byte is left to send but the server has not answered.
     */
    public long etaSeconds() {
        if (totalBytes < 0 || bytesPerSecond <= 0 || state() != TaskState.RUNNING || awaitingResponse) {
            return -1;
        }
        return (totalBytes - bytesDone + bytesPerSecond - 1) / bytesPerSecond;
    }
}
