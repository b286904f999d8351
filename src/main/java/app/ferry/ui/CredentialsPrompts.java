package app.ferry.ui;

import app.ferry.engine.TaskState;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.stage.Window;

/**
 * Asks for a password when a task meets a 401: one prompt per origin and realm however many
 * tasks wait for it (fifty files from one server ask once), and the answer is given to every task
 * waiting for that origin and realm. The prompt says when a password given before was refused.
 */
final class CredentialsPrompts {

    private final Window owner;
    private final I18n i18n;
    private final TaskListViewModel list;
    private final SelectionViewModel selection;
    /** The realm each waiting task's server named, as heard from the engine. */
    private final Map<app.ferry.engine.TaskId, String> realms = new HashMap<>();
    /** The prompts open now, by origin and realm. */
    private final Map<String, CredentialsDialog> open = new HashMap<>();
    /** The last answer for each origin and realm (in memory only, as the engine keeps passwords). */
    private final Map<String, Answer> answers = new HashMap<>();
    /** The answer each task was last given: a task refused with the latest answer asks again. */
    private final Map<app.ferry.engine.TaskId, Answer> given = new HashMap<>();

    private record Answer(String user, String password) {
        @Override
        public String toString() {
            return "Answer[" + user + ", ••••]";
        }
    }

    CredentialsPrompts(Window owner, I18n i18n, TaskListViewModel list, SelectionViewModel selection) {
        this.owner = owner;
        this.i18n = i18n;
        this.list = list;
        this.selection = selection;
    }

    /** FX thread: {@code task} waits for credentials of {@code realm} (null when the server named none). */
    void ask(TaskModel task, String realm) {
        if (realm != null || !realms.containsKey(task.id())) {
            realms.put(task.id(), Objects.toString(realm, ""));
        }
        String key = key(task);
        Answer latest = answers.get(key);
        if (latest != null && given.get(task.id()) != latest) {
            // Its 401 came after the prompt for its server was answered (tasks come back from a
            // refused answer one by one): it gets that answer instead of a prompt of its own.
            give(task, latest);
            return;
        }
        if (open.containsKey(key)) {
            return;
        }
        long waiting = waitingFor(key);
        String what = waiting > 1 ? i18n.get("credentials.several", waiting, origin(task)) : task.name();
        CredentialsDialog dialog = new CredentialsDialog(owner, i18n, what,
                task.record() == null ? null : new ProblemText(i18n).reason(task.record()));
        open.put(key, dialog);
        dialog.show((user, password) -> {
            Answer answer = new Answer(user, password);
            answers.put(key, answer);
            list.tasks().stream().filter(m -> m.state() == TaskState.NEEDS_CREDENTIALS && key(m).equals(key))
                    .forEach(m -> give(m, answer));
        }, () -> open.remove(key));
    }

    private void give(TaskModel task, Answer answer) {
        given.put(task.id(), answer);
        selection.provideCredentials(task, answer.user(), answer.password());
    }

    private long waitingFor(String key) {
        return list.tasks().stream().filter(m -> m.state() == TaskState.NEEDS_CREDENTIALS && key(m).equals(key)).count();
    }

    private String key(TaskModel task) {
        return origin(task) + " " + realms.getOrDefault(task.id(), "");
    }

    private static String origin(TaskModel task) {
        try {
            URI uri = URI.create(task.record().spec().url());
            return (uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()))
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return task.record().spec().url();
        }
    }
}
