package app.ferry.engine.transfer;

import app.ferry.engine.Credentials;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.TaskRecord;
import app.ferry.engine.TransferListener;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

/** What a running {@link Transfer} may see and do; implemented by the queue for each run. */
public interface TransferContext {

    /** The task's current record. */
    TaskRecord record();

    /** Changes the in-memory record; {@link #checkpoint()} makes it durable. */
    void update(UnaryOperator<TaskRecord> change);

    /** Writes the current record to the state file. Callers fsync the data it claims first. */
    void checkpoint() throws IOException;

    /**
     * True once {@link #checkpointInterval()} passed since the last checkpoint, or enough bytes
     * arrived that the disk should start writing them: a cheap check per chunk.
     */
    boolean checkpointDue();

    /** Adds a history event to the record (persisted with the next checkpoint). */
    void note(HistoryEvent.Kind kind, long offset, String text);

    /** Adds a history event whose words are a code (front ends render it) and its English. */
    void note(HistoryEvent.Kind kind, long offset, app.ferry.engine.Problem words);

    /** Live byte counter for display; plain atomic writes, no locks, no listeners. */
    void setBytesDone(long bytes);

    void addBytesDone(long delta);

    void setTotalBytes(long total);

    /**
     * Says whether an upload's request body has been handed to the HTTP client whole (true), so
     * that the task now waits for the server's answer, or is being sent again from its start
     * (false). Front ends show the task as waiting then, not as done. Cleared by the queue when
     * an answer's headers arrive through {@link #send} and when the attempt ends; a transfer that
     * sends without {@link #send} clears it itself when its answer arrives.
     */
    void awaitingResponse(boolean waiting);

    /** True once pause or cancel was asked for: stop at the next chance and return {@link Outcome.Stopped}. */
    boolean stopRequested();

    /**
     * Sends a request so that a pause can abort it at any moment, headers or body; also arms the
     * idle watchdog, which aborts a response that stalls.
     */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException;

    /** Registers something to close when the task is stopped (a response body stream). */
    void onStop(AutoCloseable resource);

    /**
     * Waits before a retry; returns early, with false, when the task is asked to stop.
     */
    boolean sleep(java.time.Duration delay);

    /** Closes and forgets what the last attempt registered with {@link #onStop}. */
    void releaseAttemptResources();

    /**
     * True when the idle watchdog aborted the current attempt (closing its streams, which the
     * attempt sees only as "closed"); cleared by {@link #releaseAttemptResources()}.
     */
    default boolean abortedAsIdle() {
        return false;
    }

    /**
     * How long nothing came before the idle watchdog's abort: the idle timeout, or longer while an
     * upload waited for the server's answer.
     */
    default long idleAbortSeconds() {
        return config().idleTimeout().toSeconds();
    }

    /** Tells the idle watchdog that bytes moved. */
    void touch();

    /** Credentials given for this task, or null. Never persisted. */
    Credentials credentials();

    /**
     * Starts a request on the queue's client of the moment, for a transfer that sends without
     * {@link #send} (tus). Ask it for each request; never keep a client across requests.
     */
    HttpSender http();

    EngineConfig config();

    /** Listeners of the queue, for lifecycle events (not progress). */
    TransferListener events();

    /**
     * Pays for {@code bytes} just received under the global download limit and the task's own
     * limit; parks the calling (virtual) thread while over either. Returns early on a stop.
     * Called once per chunk read, never per byte.
     */
    default void throttleDownload(long bytes) {
    }

    /** How much to read at once, at most {@code buffer}: less under a low rate limit, so it stays accurate. */
    default int readSize(int buffer) {
        return buffer;
    }

    /** An upload body that pays the upload limits for each chunk, for bodies not sent through {@link #send}. */
    default java.net.http.HttpRequest.BodyPublisher throttledUpload(java.net.http.HttpRequest.BodyPublisher body) {
        return body;
    }

    default long checkpointInterval() {
        return config().checkpointInterval().toNanos();
    }
}
