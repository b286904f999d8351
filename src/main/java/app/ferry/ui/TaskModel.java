package app.ferry.ui;

import app.ferry.engine.Direction;
import app.ferry.engine.DownloadProgress;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.UploadSpec;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One row of the transfer table. Written only on the FX thread, by {@link TaskListViewModel#refresh}
 * from the engine's snapshots at the sampler's bounded rate; a property that did not change fires
 * nothing, so a quiet row costs nothing to the table.
 */
public final class TaskModel {

    /** {@link #progressProperty()} while the size is unknown and bytes flow: an indeterminate bar. */
    public static final double UNKNOWN_RUNNING = -1;
    /** {@link #progressProperty()} while the size is unknown and nothing runs: an empty bar. */
    public static final double UNKNOWN_IDLE = -2;
    /**
     * The most {@link #progressProperty()} says before the task is completed: a running task with
     * every byte moved is not done yet (an upload waits for the server's answer, a download is
     * being checked and moved into place), so its label reads "99 %", never "100 %".
     */
    public static final double ALMOST_DONE = Math.nextDown(1.0);

    private final TaskId id;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyObjectWrapper<Direction> direction = new ReadOnlyObjectWrapper<>(this, "direction");
    private final ReadOnlyLongWrapper size = new ReadOnlyLongWrapper(this, "size", -1);
    private final ReadOnlyLongWrapper done = new ReadOnlyLongWrapper(this, "done", 0);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyLongWrapper speed = new ReadOnlyLongWrapper(this, "speed", 0);
    private final ReadOnlyLongWrapper etaSeconds = new ReadOnlyLongWrapper(this, "etaSeconds", -1);
    private final ReadOnlyObjectWrapper<TaskState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyBooleanWrapper awaitingResponse = new ReadOnlyBooleanWrapper(this, "awaitingResponse");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper(this, "target", "");
    private final ReadOnlyObjectWrapper<TaskRecord> record = new ReadOnlyObjectWrapper<>(this, "record");
    /** Set by the view-model when the user limits the task; the engine has no getter for it. */
    private final ReadOnlyLongWrapper speedLimit = new ReadOnlyLongWrapper(this, "speedLimit", 0);

    TaskModel(TaskSnapshot snapshot) {
        this.id = snapshot.id();
        update(snapshot);
    }

    /** Copies a snapshot in; only changed values notify. */
    void update(TaskSnapshot snapshot) {
        TaskRecord current = snapshot.record();
        if (record.get() != current) {
            // Records are immutable and replaced on every change, so identity says "changed".
            record.set(current);
            name.set(current.name());
            direction.set(current.direction());
            state.set(current.state());
            message.set(current.message());
            target.set(targetOf(current));
        }
        size.set(snapshot.totalBytes());
        done.set(snapshot.bytesDone());
        double fraction = snapshot.fraction();
        boolean running = snapshot.state() == TaskState.RUNNING;
        progress.set(fraction >= 0 ? (running ? Math.min(fraction, ALMOST_DONE) : fraction)
                : running ? UNKNOWN_RUNNING : UNKNOWN_IDLE);
        speed.set(snapshot.bytesPerSecond());
        etaSeconds.set(snapshot.etaSeconds());
        awaitingResponse.set(snapshot.awaitingResponse());
    }

    void setSpeedLimit(long bytesPerSecond) {
        speedLimit.set(bytesPerSecond);
    }

    /** Where the bytes go: the file of a download (its folder until named), the URL of an upload. */
    static String targetOf(TaskRecord record) {
        if (record.spec() instanceof UploadSpec) {
            return record.spec().url();
        }
        return localFile(record).map(Path::toString).orElse("");
    }

    /** The file a task writes or reads: final or partial file of a download, the (first) file of an upload. */
    public static Optional<Path> localFile(TaskRecord record) {
        if (record.spec() instanceof UploadSpec upload) {
            return upload.files().stream().findFirst();
        }
        DownloadProgress download = record.download();
        if (download != null && download.finalFile() != null) {
            return Optional.of(download.finalFile());
        }
        if (download != null && download.partialFile() != null) {
            return Optional.of(download.partialFile());
        }
        return Optional.empty();
    }

    public TaskId id() {
        return id;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Direction> directionProperty() {
        return direction.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Fraction in [0, 1], or {@link #UNKNOWN_RUNNING} / {@link #UNKNOWN_IDLE} while the size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty etaSecondsProperty() {
        return etaSeconds.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TaskState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /**
     * True while a running upload has handed its whole body over and waits for the server's
     * answer (the engine's {@link TaskSnapshot#awaitingResponse()}): not done, and no speed.
     */
    public ReadOnlyBooleanProperty awaitingResponseProperty() {
        return awaitingResponse.getReadOnlyProperty();
    }

    public boolean awaitingResponse() {
        return awaitingResponse.get();
    }

    /** The failure (or other) reason of the current state, or null. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** The task's own limit in bytes per second, 0 for none; in memory only, like the engine's. */
    public ReadOnlyLongProperty speedLimitProperty() {
        return speedLimit.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TaskRecord> recordProperty() {
        return record.getReadOnlyProperty();
    }

    public TaskState state() {
        return state.get();
    }

    public TaskRecord record() {
        return record.get();
    }

    public String name() {
        return name.get();
    }
}
