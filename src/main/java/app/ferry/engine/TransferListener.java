package app.ferry.engine;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Lifecycle events of tasks: the ones NSURLSession's delegate gives the original design.
 * Called on engine threads, at most a few times per task and attempt — never per chunk of
 * bytes (progress is read from snapshots). Implementations must be quick and must not block.
 */
public interface TransferListener {

    /** The task's record changed state (already persisted). */
    default void stateChanged(TaskSnapshot snapshot) {
    }

    default void responseReceived(TaskId id, int status, Map<String, List<String>> headers) {
    }

    default void redirected(TaskId id, URI from, URI to) {
    }

    default void resumed(TaskId id, long offset) {
    }

    default void retrying(TaskId id, int attempt, Duration delay, String reason) {
    }

    /** A 401 challenge: answer with {@link TransferQueue#provideCredentials}. */
    default void needsCredentials(TaskId id, String realm) {
    }

    default void completed(TaskSnapshot snapshot) {
    }

    default void failed(TaskSnapshot snapshot) {
    }
}
