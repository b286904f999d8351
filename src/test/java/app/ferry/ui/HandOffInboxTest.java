package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.ferry.handoff.Download;
import app.ferry.handoff.HandOff;
import app.ferry.handoff.HandOffUnavailableException;
import app.ferry.handoff.Receipt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Hand-offs that arrive before the window is up: answered at once, kept in order, passed on once. */
class HandOffInboxTest {

    private final List<HandOff> reached = new CopyOnWriteArrayList<>();
    private final List<Receipt.Rejection> refusedLater = new CopyOnWriteArrayList<>();

    /** A window that takes everything but URLs ending in "dup" (as if already in its queue). */
    private Receipt window(HandOff handOff) {
        reached.add(handOff);
        List<Download> downloads = handOff.downloads();
        return new Receipt(downloads.stream().map(Download::url).filter(u -> !u.endsWith("dup")).toList(),
                downloads.stream().map(Download::url).filter(u -> u.endsWith("dup"))
                        .map(u -> new Receipt.Rejection(u, "already in the Ferry queue")).toList());
    }

    @Test
    void keptHandOffsAreAcceptedAtOnceAndReachTheWindowInOrderThenLaterOnesGoStraightThrough() throws Exception {
        HandOffInbox inbox = new HandOffInbox();
        Receipt first = inbox.receive(new HandOff(List.of(Download.of("https://a.test/1"), Download.of("https://a.test/dup")), true));
        Receipt second = inbox.receive(new HandOff(List.of(Download.of("https://a.test/2"), Download.of("https://a.test/1")), false));
        Receipt raise = inbox.receive(new HandOff(List.of(), true));

        assertThat(first.added()).containsExactly("https://a.test/1", "https://a.test/dup");
        assertThat(second.added()).containsExactly("https://a.test/2");
        assertThat(second.rejected()).extracting(Receipt.Rejection::url).containsExactly("https://a.test/1");
        assertThat(raise.added()).isEmpty();
        assertThat(reached).isEmpty();

        inbox.openTo(this::window, refusedLater::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> reached.size() == 3);
        assertThat(reached).extracting(h -> h.downloads().stream().map(Download::url).toList()).containsExactly(
                List.of("https://a.test/1", "https://a.test/dup"), List.of("https://a.test/2"), List.of());
        assertThat(reached).extracting(HandOff::bringToFront).containsExactly(true, false, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> refusedLater.size() == 1);
        assertThat(refusedLater.getFirst().url()).isEqualTo("https://a.test/dup");

        // Passed on: the window answers itself now, refusals included.
        await().atMost(Duration.ofSeconds(10)).until(inbox::passedOn);
        Receipt direct = inbox.receive(new HandOff(List.of(Download.of("https://a.test/dup")), false));
        assertThat(direct.rejected()).extracting(Receipt.Rejection::reason).containsExactly("already in the Ferry queue");
        assertThat(reached).hasSize(4);
        assertThat(refusedLater).hasSize(1);
    }

    @Test
    void optionsTheWindowWouldRefuseAreRefusedAtOnce() throws Exception {
        HandOffInbox inbox = new HandOffInbox();
        Download bad = new Download("https://a.test/x", Map.of(), "=no-name", null, null, null);

        Receipt receipt = inbox.receive(new HandOff(List.of(bad), false));

        assertThat(receipt.added()).isEmpty();
        assertThat(receipt.rejected()).extracting(Receipt.Rejection::url).containsExactly("https://a.test/x");
    }

    @Test
    void aFailedStartGivesBackWhatWasKeptAndRefusesWhatComesAfter() throws Exception {
        HandOffInbox inbox = new HandOffInbox();
        inbox.receive(new HandOff(List.of(Download.of("https://a.test/1"), Download.of("https://a.test/2")), true));
        inbox.receive(new HandOff(List.of(Download.of("https://a.test/3")), false));

        assertThat(inbox.fail()).containsExactly("https://a.test/1", "https://a.test/2", "https://a.test/3");
        assertThatThrownBy(() -> inbox.receive(new HandOff(List.of(Download.of("https://a.test/4")), false)))
                .isInstanceOf(HandOffUnavailableException.class).hasMessageContaining("could not open its queue");
        assertThat(inbox.fail()).as("given back once").isEmpty();
    }

    @Test
    void urlsSaidInTheAlertAndTheLogCarryNoUserOrPassword() {
        assertThat(AppStartup.withoutUserInfo("https://user:p%40ss@host.test:8443/a@b?c=d@e"))
                .isEqualTo("https://host.test:8443/a@b?c=d@e");
        assertThat(AppStartup.withoutUserInfo("ftp://user@host.test/f")).isEqualTo("ftp://host.test/f");
        assertThat(AppStartup.withoutUserInfo("https://host.test/a@b")).isEqualTo("https://host.test/a@b");
    }
}
