package app.ferry.engine.transfer;

import app.ferry.engine.Problem;

/** How a task's run ended. */
public sealed interface Outcome {

    record Completed() implements Outcome {
    }

    /** Stopped because pause or cancel was asked for; the durable state is saved. */
    record Stopped() implements Outcome {
    }

    /** @param problem why, as a code for any language and in English ({@link Problem#english()}) */
    record Failed(Problem problem) implements Outcome {
        public String reason() {
            return problem.english();
        }
    }

    record NeedsCredentials(String realm) implements Outcome {
    }
}
