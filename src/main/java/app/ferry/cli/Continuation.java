package app.ferry.cli;

import app.ferry.engine.Credentials;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.request.RequestOptions;
import java.io.PrintWriter;
import java.util.List;

/**
 * Continues a task an earlier run left unfinished, for {@code get}, {@code put} and {@code post}
 * run again. The command line is what is sent, as curl and wget users expect: when it gives
 * request options ({@code -H}, {@code --cookie}, {@code --load-cookies}, {@code --referer},
 * {@code -A} or {@code --user}) they replace the saved ones, so a new token or cookie is not
 * silently ignored; with none, the saved ones are kept (the documented resume). Either way the
 * task continues where it stopped.
 */
final class Continuation {

    private Continuation() {
    }

    /**
     * @param given this command line's request options, or null when it gives none
     * @param credentials {@code --user} or the URL's user and password, or null
     */
    static void resume(QueueSession session, TaskId id, RequestOptions given, Credentials credentials, PrintWriter err) {
        if (given != null) {
            replace(session, id, given, err);
        }
        if (credentials != null) {
            session.queue().provideCredentials(id, credentials);
        } else {
            session.queue().resume(id);
        }
    }

    private static void replace(QueueSession session, TaskId id, RequestOptions given, PrintWriter err) {
        TaskSnapshot task = session.queue().snapshot(id).orElse(null);
        if (task == null || task.record().spec().request().equals(given)) {
            return;
        }
        // Restored as queued after a crash, it may have started already: with the old options
        // until it is paused, so it is paused first (its progress saved) and then changed.
        if (task.state().isActive()) {
            session.queue().pause(id);
            session.awaitStopped(id);
        }
        List<String> names = given.names();
        boolean replaced;
        try {
            replaced = session.queue().replaceRequest(id, given);
        } catch (IllegalStateException e) {
            // It did not stop within a minute (a server that never lets go): say so, never send the old ones silently.
            err.println("ferry: " + TerminalText.safe(task.name()) + ": it did not pause in time to take the request options"
                    + " of this command, and continues with those saved with it; press Ctrl+C and run the command again");
            return;
        }
        if (replaced) {
            // Names only: the values may be secrets.
            err.println("ferry: " + TerminalText.safe(task.name()) + ": using the request options of this command ("
                    + (names.isEmpty() ? "no headers or cookies" : TerminalText.safe(String.join(", ", names)))
                    + ") instead of those saved with it; continuing where it stopped");
            err.flush();
        }
    }
}
