package app.ferry.ui.auto;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.ui.settings.Settings.Automation;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The schedule fires once when its time passes; the clipboard watch offers downloadable links only, only when on. */
class AutomationTest {

    @Test
    void scheduleResumesAndPausesOnceWhenTheirTimesPass() {
        List<String> done = new ArrayList<>();
        Automation automation = new Automation(false, "7:30", "23:00");
        QueueSchedule schedule = new QueueSchedule(() -> automation, () -> done.add("resume"), () -> done.add("pause"));
        LocalDateTime day = LocalDateTime.of(2026, 12, 4, 7, 29, 58);
        schedule.tick(day);
        schedule.tick(day.plusSeconds(1));
        assertThat(done).isEmpty();
        schedule.tick(day.plusSeconds(2));
        assertThat(done).containsExactly("resume");
        schedule.tick(day.plusSeconds(3));
        assertThat(done).containsExactly("resume");
        // Across midnight's day change: 23:00 today, then 07:30 tomorrow.
        schedule.tick(LocalDateTime.of(2026, 12, 4, 23, 0, 5));
        assertThat(done).containsExactly("resume", "pause");
        schedule.tick(LocalDateTime.of(2026, 12, 5, 7, 30, 1));
        assertThat(done).containsExactly("resume", "pause", "resume");
    }

    @Test
    void whenBothTimesPassedBetweenTicksOnlyTheLaterCounts() {
        List<String> done = new ArrayList<>();
        QueueSchedule schedule = new QueueSchedule(() -> new Automation(false, "6:00", "23:30"), () -> done.add("resume"),
                () -> done.add("pause"));
        schedule.tick(LocalDateTime.of(2026, 12, 4, 15, 0));
        schedule.tick(LocalDateTime.of(2026, 12, 5, 6, 0, 1));
        assertThat(done).containsExactly("resume");
        schedule.tick(LocalDateTime.of(2026, 12, 6, 0, 0));
        assertThat(done).containsExactly("resume", "pause");
    }

    @Test
    void noTimesAndBadTimesDoNothing() {
        assertThat(new Automation(null, " ", "25:99")).isEqualTo(Automation.OFF);
        assertThat(new Automation(true, "07:05", null).startAt()).isEqualTo("07:05");
        List<String> done = new ArrayList<>();
        QueueSchedule schedule = new QueueSchedule(() -> Automation.OFF, () -> done.add("resume"), () -> done.add("pause"));
        schedule.tick(LocalDateTime.of(2026, 1, 1, 0, 0));
        schedule.tick(LocalDateTime.of(2026, 1, 3, 0, 0));
        assertThat(done).isEmpty();
    }

    @Test
    void clipboardOffersOnlyDownloadableLinksOnceAndOnlyWhenOn() {
        AtomicBoolean on = new AtomicBoolean(false);
        Set<String> listed = Set.of("https://example.org/listed.zip");
        ClipboardWatch watch = new ClipboardWatch(on::get, listed::contains);
        watch.seen("https://example.org/a.zip");
        assertThat(watch.offerProperty().get()).as("off by default").isNull();

        on.set(true);
        watch.seen("https://example.org/a.zip");
        assertThat(watch.offerProperty().get()).as("same clipboard as before: not offered").isNull();
        watch.seen("https://example.org/b.ISO");
        assertThat(watch.offerProperty().get()).isEqualTo("https://example.org/b.ISO");
        watch.answered();
        assertThat(watch.offerProperty().get()).isNull();
        for (String notOffered : List.of("https://example.org/page.html", "ftp://example.org/c.zip", "see https://x.org/d.zip",
                "https://example.org/listed.zip", "mailto:a@b.org", "www.example.com/file.zip")) {
            watch.seen(notOffered);
            assertThat(watch.offerProperty().get()).as(notOffered).isNull();
        }
        watch.seen("  http://127.0.0.1:8080/files/song.mp3\n");
        assertThat(watch.offerProperty().get()).isEqualTo("http://127.0.0.1:8080/files/song.mp3");
    }
}
