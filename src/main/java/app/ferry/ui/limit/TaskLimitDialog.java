package app.ferry.ui.limit;

import app.ferry.ui.Forms;
import app.ferry.ui.I18n;
import java.util.function.LongConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * "Limit speed…" for the selected tasks: no limit, or a number and a unit. The limit is shared by
 * a task's connections, inside the global limits, and kept in memory only, like the engine keeps it.
 */
public final class TaskLimitDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final RadioButton none = new RadioButton();
    private final SpeedField speed;

    /** @param what the task's name, or "3 transfers" */
    public TaskLimitDialog(Window owner, I18n i18n, String what, long currentBytesPerSecond) {
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("limit.title"));
        dialog.setHeaderText(i18n.get("limit.header", what));
        dialog.getDialogPane().setId("limit-dialog");

        none.setText(i18n.get("limit.none"));
        none.setId("limit-none");
        RadioButton limited = new RadioButton(i18n.get("limit.to"));
        limited.setId("limit-to");
        ToggleGroup choice = new ToggleGroup();
        none.setToggleGroup(choice);
        limited.setToggleGroup(choice);
        speed = new SpeedField("limit-amount", "", currentBytesPerSecond > 0 ? currentBytesPerSecond : 1L << 20);
        (currentBytesPerSecond > 0 ? limited : none).setSelected(true);
        speed.node().disableProperty().bind(none.selectedProperty());
        Label hint = new Label(i18n.get("limit.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMaxWidth(420);

        GridPane grid = new GridPane(10, 8);
        grid.getColumnConstraints().setAll(Forms.labelColumn(), Forms.fieldColumn());
        grid.add(none, 0, 0, 2, 1);
        grid.addRow(1, limited, speed.node());
        grid.add(hint, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("limit-ok");
        ok.setText(i18n.get("limit.apply"));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(i18n.get("common.cancel"));
        ok.disableProperty().bind(none.selectedProperty().not().and(speed.validProperty().not()));
        limited.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                speed.requestFocus();
            }
        });
    }

    /** Hands over the chosen bytes per second (0 for none) when the user applies it. */
    public void show(LongConsumer onResult) {
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                onResult.accept(none.isSelected() ? 0 : speed.bytesPerSecond().orElseThrow());
            }
        });
        dialog.show();
    }
}
