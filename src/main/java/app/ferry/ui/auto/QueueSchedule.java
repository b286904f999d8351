package app.ferry.ui.auto;

import app.ferry.ui.settings.Settings.Automation;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.function.Supplier;

/**
 * The queue's schedule: at the start time every paused task resumes, at the stop time every task
 * pauses. Told the time by a slow timer ({@link #tick}); a time passed between two ticks fires
 * once, a time passed while Ferry was closed does not (it did not run then). FX thread only.
 */
public final class QueueSchedule {

    private final Supplier<Automation> settings;
    private final Runnable resumeAll;
    private final Runnable pauseAll;
    private LocalDateTime last;

    public QueueSchedule(Supplier<Automation> settings, Runnable resumeAll, Runnable pauseAll) {
        this.settings = settings;
        this.resumeAll = resumeAll;
        this.pauseAll = pauseAll;
    }

    /** Fires what fell due in (the last tick, {@code now}]. */
    public void tick(LocalDateTime now) {
        LocalDateTime previous = last;
        last = now;
        if (previous == null || !now.isAfter(previous)) {
            return;
        }
        Automation automation = settings.get();
        LocalDateTime start = due(Automation.time(automation.startAt()).orElse(null), previous, now);
        LocalDateTime stop = due(Automation.time(automation.stopAt()).orElse(null), previous, now);
        // Both fell due (the machine slept through them): the later one says what should be now.
        if (start != null && (stop == null || start.isAfter(stop))) {
            resumeAll.run();
        } else if (stop != null) {
            pauseAll.run();
        }
    }

    /** The last moment in (after, upTo] at time of day {@code at}, or null. */
    private static LocalDateTime due(LocalTime at, LocalDateTime after, LocalDateTime upTo) {
        if (at == null) {
            return null;
        }
        LocalDateTime candidate = upTo.toLocalDate().atTime(at);
        if (candidate.isAfter(upTo)) {
            candidate = candidate.minusDays(1);
        }
        return candidate.isAfter(after) ? candidate : null;
    }
}
