package app.ferry.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything Ferry remembers about a task, as written to its state file. Immutable: every
 * change makes a new record, which the queue persists before anyone is told of it.
 *
 * @param name the file name shown to the user (for downloads: chosen from the response)
 * @param message the reason for the current state (a failure, a restart), or null
 * @param download resume state of a download, null for uploads
 * @param upload resume state of an upload, null for downloads
 * @param response the last response received, or null
 * @param order the task's place in the queue: the dispatcher starts lower keys first and the list
 *     shows them first; 0 in records of earlier versions, which then keep the order they were added in
 * @param chosenName the file name the user chose for a download (rename before completion), or
 *     null to take the server's
 * @param problem {@code message} as a code and arguments for front ends to render in their
 *     language, or null (no message, a message with English words only, or a record of an
 *     earlier version)
 */
public record TaskRecord(
        TaskId id,
        TransferSpec spec,
        TaskState state,
        String name,
        long createdMillis,
        long updatedMillis,
        String message,
        DownloadProgress download,
        UploadProgress upload,
        ResponseInfo response,
        List<HistoryEvent> history,
        long order,
        String chosenName,
        Problem problem) {

    /** Older events are dropped first: a task retried for days must not grow its file forever. */
    static final int MAX_HISTORY = 200;

    public TaskRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(state, "state");
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static TaskRecord create(TaskId id, TransferSpec spec, String name, long nowMillis) {
        DownloadProgress download = spec instanceof DownloadSpec ? DownloadProgress.fresh(spec.url()) : null;
        UploadProgress upload = spec.direction() == Direction.UPLOAD ? UploadProgress.fresh() : null;
        return new TaskRecord(id, spec, TaskState.QUEUED, name, nowMillis, nowMillis, null, download, upload, null, List.of(), 0, null, null);
    }

    public Direction direction() {
        return spec.direction();
    }

    /** A new state whose message has English words only (or none). */
    public TaskRecord withState(TaskState newState, String newMessage, long nowMillis) {
        return new TaskRecord(id, spec, newState, name, createdMillis, nowMillis, newMessage, download, upload, response, history,
                order, chosenName, null);
    }

    /** A new state with its reason as a code (or none, for null): the message is its English. */
    public TaskRecord withReason(TaskState newState, Problem reason, long nowMillis) {
        return new TaskRecord(id, spec, newState, name, createdMillis, nowMillis, reason == null ? null : reason.english(),
                download, upload, response, history, order, chosenName, reason);
    }

    /** A new state that keeps the message (and its code) of the current one. */
    public TaskRecord withStateKeepingMessage(TaskState newState, long nowMillis) {
        return new TaskRecord(id, spec, newState, name, createdMillis, nowMillis, message, download, upload, response, history,
                order, chosenName, problem);
    }

    public TaskRecord withName(String newName) {
        return new TaskRecord(id, spec, state, newName, createdMillis, updatedMillis, message, download, upload, response, history, order, chosenName, problem);
    }

    public TaskRecord withSpec(TransferSpec newSpec) {
        return new TaskRecord(id, newSpec, state, name, createdMillis, updatedMillis, message, download, upload, response, history, order, chosenName, problem);
    }

    public TaskRecord withDownload(DownloadProgress progress) {
        return new TaskRecord(id, spec, state, name, createdMillis, updatedMillis, message, progress, upload, response, history, order, chosenName, problem);
    }

    public TaskRecord withUpload(UploadProgress progress) {
        return new TaskRecord(id, spec, state, name, createdMillis, updatedMillis, message, download, progress, response, history, order, chosenName, problem);
    }

    public TaskRecord withResponse(ResponseInfo info) {
        return new TaskRecord(id, spec, state, name, createdMillis, updatedMillis, message, download, upload, info, history, order, chosenName, problem);
    }

    public TaskRecord withOrder(long newOrder) {
        return new TaskRecord(id, spec, state, name, createdMillis, updatedMillis, message, download, upload, response, history,
                newOrder, chosenName, problem);
    }

    /** The name the user chose: shown at once, and the name the download is saved under. */
    public TaskRecord withChosenName(String newName) {
        return new TaskRecord(id, spec, state, newName, createdMillis, updatedMillis, message, download, upload, response, history,
                order, newName, problem);
    }

    public TaskRecord withEvent(HistoryEvent event) {
        List<HistoryEvent> events = new ArrayList<>(history.size() + 1);
        events.addAll(history.size() >= MAX_HISTORY ? history.subList(history.size() - MAX_HISTORY + 1, history.size()) : history);
        events.add(event);
        return new TaskRecord(id, spec, state, name, createdMillis, updatedMillis, message, download, upload, response, events, order, chosenName, problem);
    }

    /** Bytes known to be safely stored (downloads) or acknowledged by the server (uploads). */
    public long durableBytes() {
        if (download != null) {
            return download.completedBytes();
        }
        return upload == null ? 0 : upload.confirmedBytes();
    }

    /** The full size, or -1 while unknown. */
    public long totalBytes() {
        if (download != null) {
            return download.totalBytes();
        }
        return upload == null ? -1 : upload.totalBytes();
    }
}
