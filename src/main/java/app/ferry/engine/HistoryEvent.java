package app.ferry.engine;

/**
 * Something worth remembering about a task: a resume at an offset, a restart and why, a retry.
 *
 * @param atMillis epoch milliseconds
 * @param offset the byte offset the event concerns, or -1
 */
public record HistoryEvent(long atMillis, Kind kind, long offset, String text) {

    public enum Kind { STARTED, RESUMED, RESTARTED, REDIRECTED, RETRYING, PAUSED, COMPLETED, FAILED, NOTE }
}
