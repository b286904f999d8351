package app.ferry.engine.transfer;

/** How a task's run ended. */
public sealed interface Outcome {

    record Completed() implements Outcome {
    }

    /** Stopped because pause or cancel was asked for; the durable state is saved. */
    record Stopped() implements Outcome {
    }

    record Failed(String reason) implements Outcome {
    }

    record NeedsCredentials(String realm) implements Outcome {
    }
}
