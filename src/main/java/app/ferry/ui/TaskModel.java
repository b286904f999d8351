package app.ferry.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the transfer table. Its properties are only ever written on the FX thread, by
 * the sampler that copies the engine's snapshots at a bounded rate.
 */
public final class TaskModel {

    public enum Direction { DOWNLOAD, UPLOAD }

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction", Direction.DOWNLOAD);
    private final LongProperty size = new SimpleLongProperty(this, "size", -1);
    private final LongProperty done = new SimpleLongProperty(this, "done", 0);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 0);
    private final LongProperty etaSeconds = new SimpleLongProperty(this, "etaSeconds", -1);
    private final StringProperty state = new SimpleStringProperty(this, "state", "");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");

    public StringProperty nameProperty() { return name; }
    public ObjectProperty<Direction> directionProperty() { return direction; }
    public LongProperty sizeProperty() { return size; }
    public LongProperty doneProperty() { return done; }
    public DoubleProperty progressProperty() { return progress; }
    public DoubleProperty speedProperty() { return speed; }
    public LongProperty etaSecondsProperty() { return etaSeconds; }
    public StringProperty stateProperty() { return state; }
    public StringProperty targetProperty() { return target; }
}
