package app.ferry.ui;

import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Column rules shared by the dialogs' label/field grids: labels never shrink, fields take the rest. */
public final class Forms {

    private Forms() {
    }

    public static ColumnConstraints labelColumn() {
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        return labels;
    }

    public static ColumnConstraints fieldColumn() {
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        return fields;
    }
}
