package app.ferry.ui;

import app.ferry.engine.Direction;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/** The main window's two questions: remove (keep or delete the files) and quit while transfers run. */
final class Confirmations {

    private final Stage owner;
    private final I18n i18n;

    Confirmations(Stage owner, I18n i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    /** Delete: remove {@code selected}, keeping or deleting the downloaded files; {@code remove} gets "delete files". */
    void remove(List<TaskModel> selected, Consumer<Boolean> remove) {
        ButtonType keep = new ButtonType(i18n.get("remove.keepFiles"), ButtonBar.ButtonData.OK_DONE);
        ButtonType delete = new ButtonType(i18n.get("remove.deleteFiles"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(i18n.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        boolean anyDownload = selected.stream().anyMatch(m -> m.directionProperty().get() == Direction.DOWNLOAD);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, i18n.get(anyDownload ? "remove.question" : "remove.questionUploads",
                selected.size()));
        alert.initOwner(owner);
        alert.setTitle(i18n.get("remove.title"));
        alert.setHeaderText(selected.size() == 1 ? selected.getFirst().name() : i18n.get("remove.header", selected.size()));
        alert.getDialogPane().setId("remove-dialog");
        alert.getButtonTypes().setAll(anyDownload ? List.of(keep, delete, cancel) : List.of(keep, cancel));
        alert.getDialogPane().lookupButton(keep).setId("remove-keep");
        if (anyDownload) {
            alert.getDialogPane().lookupButton(delete).setId("remove-delete");
        }
        fitButtons(alert);
        alert.setOnHidden(e -> {
            ButtonType answer = alert.getResult();
            if (answer == keep || answer == delete) {
                remove.accept(answer == delete);
            }
        });
        alert.show();
    }

    /** Closing while transfers run: pause them and quit, quit and continue next time, or stay. */
    void quit(Consumer<Boolean> quit) {
        ButtonType pause = new ButtonType(i18n.get("quit.pause"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(i18n.get("quit.continueLater"), ButtonBar.ButtonData.OTHER);
        ButtonType stay = new ButtonType(i18n.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, i18n.get("quit.question"), pause, keep, stay);
        alert.initOwner(owner);
        alert.setTitle(i18n.get("quit.title"));
        alert.setHeaderText(i18n.get("quit.header"));
        alert.getDialogPane().setId("quit-dialog");
        alert.getDialogPane().lookupButton(pause).setId("quit-pause");
        alert.getDialogPane().lookupButton(keep).setId("quit-keep");
        fitButtons(alert);
        alert.setOnHidden(e -> {
            ButtonType answer = alert.getResult();
            if (answer == pause || answer == keep) {
                quit.accept(answer == pause);
            }
        });
        alert.show();
    }

    /** Each button as wide as its text in either language, and the dialog as wide as its buttons: never "Pause and q…". */
    private static void fitButtons(Alert alert) {
        for (ButtonType type : alert.getButtonTypes()) {
            ((Button) alert.getDialogPane().lookupButton(type)).setMinWidth(Region.USE_PREF_SIZE);
        }
        alert.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        alert.setResizable(true);
    }
}
