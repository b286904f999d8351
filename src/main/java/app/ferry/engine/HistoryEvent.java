package app.ferry.engine;

/**
 * Something worth remembering about a task: a resume at an offset, a restart and why, a retry.
 *
 * @param atMillis epoch milliseconds
 * @param offset the byte offset the event concerns, or -1
 * @param text the event's words in English; when null, those of {@code words} (saved events
 *     with a code do not repeat them)
 * @param words the same as a code and arguments for front ends to render in their language, or
 *     null (events of earlier versions, notes with English words only)
 */
public record HistoryEvent(long atMillis, Kind kind, long offset, String text, Problem words) {

    public HistoryEvent {
        if (text == null && words != null) {
            text = words.english();
        }
    }

    public enum Kind { STARTED, RESUMED, RESTARTED, REDIRECTED, RETRYING, PAUSED, COMPLETED, FAILED, NOTE }

    public HistoryEvent(long atMillis, Kind kind, long offset, String text) {
        this(atMillis, kind, offset, text, null);
    }
}
