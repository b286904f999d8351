package app.ferry.ui.limit;

import app.ferry.engine.text.SpeedUnit;
import java.util.OptionalLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/** A speed limit typed as a number and a unit; empty or 0 is "no limit" (the prompt says so). */
public final class SpeedField {

    private final TextField amount = new TextField();
    private final ComboBox<SpeedUnit> unit = new ComboBox<>();
    private final HBox node = new HBox(6, amount, unit);
    private final BooleanBinding valid;

    /** @param id the number's id; the unit list gets {@code id + "-unit"} */
    public SpeedField(String id, String noLimitPrompt, long bytesPerSecond) {
        amount.setId(id);
        amount.setPromptText(noLimitPrompt);
        amount.setPrefColumnCount(8);
        unit.setId(id + "-unit");
        unit.getItems().setAll(SpeedUnit.values());
        unit.setConverter(new StringConverter<>() {
            @Override
            public String toString(SpeedUnit value) {
                return value == null ? "" : value.label();
            }

            @Override
            public SpeedUnit fromString(String text) {
                return null;
            }
        });
        setBytesPerSecond(bytesPerSecond);
        HBox.setHgrow(amount, Priority.ALWAYS);
        valid = Bindings.createBooleanBinding(() -> bytesPerSecond().isPresent(), amount.textProperty(), unit.valueProperty());
        valid.addListener((obs, was, ok) -> amount.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, !ok));
    }

    /** Shows a limit: empty for none (MiB/s offered), else in the largest unit it fills. */
    public void setBytesPerSecond(long bytesPerSecond) {
        SpeedUnit shown = bytesPerSecond > 0 ? SpeedUnit.of(bytesPerSecond) : SpeedUnit.MIB;
        unit.setValue(shown);
        amount.setText(bytesPerSecond > 0 ? shown.amount(bytesPerSecond) : "");
    }

    /** Bytes per second, 0 for no limit; empty while the text is not a number. */
    public OptionalLong bytesPerSecond() {
        return unit.getValue() == null ? OptionalLong.empty() : unit.getValue().parse(amount.getText());
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public void requestFocus() {
        amount.requestFocus();
    }

    public Node node() {
        return node;
    }
}
