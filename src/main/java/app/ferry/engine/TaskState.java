package app.ferry.engine;

/**
 * Where a task is in its life. Every transition is persisted before listeners hear of it, durably,
 * except the start of a run: a restart treats RUNNING as QUEUED, so that line is not waited for.
 */
public enum TaskState {
    /** Waiting for a free slot in the queue. */
    QUEUED,
    /** Moving bytes (or waiting between retries). */
    RUNNING,
    /** Stopped by the user or by shutdown; its saved ranges let it continue. */
    PAUSED,
    /** The server answered 401 with a challenge: it waits for credentials. */
    NEEDS_CREDENTIALS,
    COMPLETED,
    /** Gave up with a reason a person can read; partial data is kept so a retry can continue. */
    FAILED,
    CANCELLED;

    /** Completed, failed or cancelled: nothing runs until the user acts. */
    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Queued or running: counts against the queue's limits or will soon. */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }

    /** A task the user can continue: paused, waiting for credentials, or failed. */
    public boolean isResumable() {
        return this == PAUSED || this == NEEDS_CREDENTIALS || this == FAILED;
    }
}
