package app.ferry.engine;

import app.ferry.engine.request.RequestOptions;
import java.util.List;

/**
 * A task's request options (headers, cookies, Referer, User-Agent) replaced before it resumes:
 * what {@code ferry get} run again with a new cookie or token asks for, as curl users expect (the
 * command line is what is sent). Only the options change: the progress stays, so the resume sends
 * {@code Range} with {@code If-Range} and checks the overlap as any resume does. The secrets go
 * to the task's owner-only secrets file, replaced atomically by the save ({@code TaskSecrets}).
 */
final class RequestReplacement {

    private RequestReplacement() {
    }

    /**
     * @return false when the task already has these options: nothing is saved
     * @throws IllegalStateException when the task is queued, running or completed
     */
    static boolean apply(TaskRuntime runtime, RequestOptions options, TaskSaver saver) {
        TaskState state = runtime.record().state();
        if (state.isActive() || state == TaskState.COMPLETED) {
            throw new IllegalStateException("Task " + runtime.id() + " is " + state
                    + ": pause it before giving it other request options");
        }
        if (runtime.record().spec().request().equals(options)) {
            return false;
        }
        runtime.update(r -> r.withSpec(r.spec().withRequest(options)));
        // Names only: a header's or cookie's value may be a secret, and the history is shown.
        List<String> names = options.names();
        String shown = String.join(", ", names);
        runtime.note(HistoryEvent.Kind.NOTE, runtime.record().durableBytes(), names.isEmpty()
                ? new Problem(Problem.Code.REQUEST_OPTIONS_CLEARED, List.of(),
                        "The saved request options were dropped; the task continues where it stopped", false)
                : new Problem(Problem.Code.NEW_REQUEST_OPTIONS, List.of(shown),
                        "New request options (" + shown + ") replace the saved ones; the task continues where it stopped", false));
        saver.save(runtime, runtime.record(), true);
        return true;
    }
}
