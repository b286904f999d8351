package app.ferry.engine;

import app.ferry.engine.transfer.Outcome;
import app.ferry.engine.transfer.Retrier;
import java.util.function.Consumer;

/**
 * One run of a task on the virtual thread the dispatcher gave it: marked running, transferred
 * (with retries), its outcome saved, its slot handed back.
 */
final class TaskRunner {

    private static final System.Logger LOG = System.getLogger(TaskRunner.class.getName());

    private final Dispatcher dispatcher;
    private final TaskTransitions transitions;
    private final Consumer<TaskRuntime> resume;

    /** @param resume continues a task that was resumed while it was stopping */
    TaskRunner(Dispatcher dispatcher, TaskTransitions transitions, Consumer<TaskRuntime> resume) {
        this.dispatcher = dispatcher;
        this.transitions = transitions;
        this.resume = resume;
    }

    void run(TaskRuntime runtime) {
        Outcome outcome;
        try {
            runtime.resetCounters();
            transitions.transition(runtime, TaskState.RUNNING, null);
            outcome = Retrier.run(TransferFactory.create(runtime.record().spec(), runtime.hosts()), runtime.context());
        } catch (InputRefused e) {
            // A saved request the HTTP client cannot send (see RequestBuilder): the task's fault, not a bug.
            outcome = new Outcome.Failed(e.problem());
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "Task " + runtime.id() + " hit a bug", e);
            outcome = new Outcome.Failed(new Problem(Problem.Code.OTHER,
                    java.util.List.of(e.getClass().getSimpleName(), String.valueOf(e.getMessage())),
                    "Internal error: " + e + ". Please report it; the partial data is kept.", false));
        }
        dispatcher.finishing(runtime);
        try {
            transitions.settle(runtime, outcome);
        } finally {
            dispatcher.settled(runtime);
        }
        if (runtime.takeResumeWhenStopped()) {
            resume.accept(runtime);
        }
        dispatcher.promoteAndExecute();
    }
}
