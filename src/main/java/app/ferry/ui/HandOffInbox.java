package app.ferry.ui;

import app.ferry.handoff.Download;
import app.ferry.handoff.HandOff;
import app.ferry.handoff.HandOffReceiver;
import app.ferry.handoff.HandOffUnavailableException;
import app.ferry.handoff.Receipt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The window's hand-off receiver from the moment the single-instance socket is served, which is
 * before anything can make the start wait (the proxy password prompt, opening the queue): a
 * browser that started this window (through {@code ferry-host}) or a {@code ferry add} is answered
 * at once instead of waiting on a dialog, and what it handed over is kept.
 *
 * <p>Until {@link #openTo} names the window's receiver, each hand-off is checked as the window would
 * check it without its queue (the request options it carries; the same URL handed twice), kept,
 * and answered as accepted: its downloads are queued when the queue opens. Then the kept hand-offs
 * go to the window in the order they came, and later ones straight to it. What the window refuses
 * at that point (a URL already in the queue) is said in the window, since its sender has had its
 * answer. Kept hand-offs live in memory only: a process killed before its queue opens loses them,
 * as it would lose a paste. If the queue cannot be opened after all, {@link #fail} gives the kept
 * URLs back for the user to be told of them, and later hand-offs are refused.
 *
 * <p>Threads: {@link #receive} on the hand-off connections' virtual threads; {@link #openTo} from
 * any thread, returning at once (the kept hand-offs are passed on a virtual thread of its own, since
 * the window's receiver waits for the FX thread).
 */
final class HandOffInbox implements HandOffReceiver {

    private static final Logger LOG = Logger.getLogger(HandOffInbox.class.getName());

    private final List<HandOff> kept = new ArrayList<>();
    private final Set<String> keptUrls = new HashSet<>();
    private HandOffReceiver window;
    private boolean passing;
    private boolean failed;

    @Override
    public Receipt receive(HandOff handOff) throws HandOffUnavailableException {
        HandOffReceiver open;
        synchronized (this) {
            if (failed) {
                throw new HandOffUnavailableException("the Ferry window could not open its queue and is closing");
            }
            open = passing ? null : window;
            if (open == null) {
                return keep(handOff);
            }
        }
        return open.receive(handOff);
    }

    /** Keeps what the window will take and answers for it now (under the lock). */
    private Receipt keep(HandOff handOff) {
        List<Download> accepted = new ArrayList<>();
        List<Receipt.Rejection> rejected = new ArrayList<>();
        for (Download download : handOff.downloads()) {
            if (keptUrls.contains(download.url())) {
                rejected.add(new Receipt.Rejection(download.url(), "already handed to the starting Ferry window"));
                continue;
            }
            try {
                // What the window's receiver would refuse without looking at the queue, refused now.
                WindowHandOffReceiver.options(download);
                WindowHandOffReceiver.page(download);
            } catch (IllegalArgumentException e) {
                rejected.add(new Receipt.Rejection(download.url(), e.getMessage()));
                continue;
            }
            accepted.add(download);
            keptUrls.add(download.url());
        }
        if (!accepted.isEmpty() || handOff.bringToFront()) {
            kept.add(new HandOff(accepted, handOff.bringToFront()));
        }
        return new Receipt(accepted.stream().map(Download::url).toList(), rejected);
    }

    /**
     * The window is up: passes it what was kept, in order, then lets later hand-offs through.
     *
     * @param refusedLater told of each URL the window refused among those kept (their senders
     *     were told they were accepted), on the passing thread
     */
    void openTo(HandOffReceiver receiver, Consumer<Receipt.Rejection> refusedLater) {
        synchronized (this) {
            window = receiver;
            passing = true;
        }
        Thread.ofVirtual().name("ferry-handoff-kept").start(() -> pass(receiver, refusedLater));
    }

    /**
     * The window will not come up (its queue could not be opened): refuses later hand-offs, and
     * returns the URLs kept so far, whose senders were told they were accepted, for the user to
     * be told of them instead.
     */
    synchronized List<String> fail() {
        failed = true;
        List<String> urls = kept.stream().flatMap(h -> h.downloads().stream()).map(Download::url).toList();
        kept.clear();
        keptUrls.clear();
        return urls;
    }

    /** True once everything kept has reached the window and new hand-offs go straight to it. */
    synchronized boolean passedOn() {
        return window != null && !passing;
    }

    private void pass(HandOffReceiver receiver, Consumer<Receipt.Rejection> refusedLater) {
        while (true) {
            List<HandOff> batch;
            synchronized (this) {
                if (kept.isEmpty()) {
                    // Hand-offs that came while passing were kept behind the earlier ones: now direct.
                    passing = false;
                    keptUrls.clear();
                    return;
                }
                batch = List.copyOf(kept);
                kept.clear();
            }
            for (HandOff handOff : batch) {
                try {
                    receiver.receive(handOff).rejected().forEach(refusedLater);
                } catch (HandOffUnavailableException e) {
                    // The window's receiver gave up waiting for the FX thread; its task still runs there.
                    LOG.log(Level.WARNING, "Downloads handed over during start-up are late to reach the window", e);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "The window failed to take downloads handed over during start-up", e);
                    handOff.downloads().forEach(d -> refusedLater.accept(new Receipt.Rejection(d.url(), e.toString())));
                }
            }
        }
    }
}
