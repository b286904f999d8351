package app.ferry.ui;

import app.ferry.engine.DownloadSpec;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TransferSpec;
import app.ferry.engine.request.CookieString;
import app.ferry.engine.request.Header;
import app.ferry.engine.request.RequestOptions;
import app.ferry.handoff.Download;
import app.ferry.handoff.HandOff;
import app.ferry.handoff.HandOffReceiver;
import app.ferry.handoff.HandOffUnavailableException;
import app.ferry.handoff.Receipt;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The window's side of a hand-off (the adapter between {@code app.ferry.handoff} and the
 * view-model): on the FX thread it raises the window and passes the URLs to the same path as a
 * paste, so they are checked, added and reported in the window like any others.
 *
 * <p>A download a task waits a new link for ("Refresh link", {@link LinkRefreshes}) goes to that
 * task instead of a new one, with the browser's headers and cookies. Otherwise each download's
 * headers, cookies and Referer become its new task's {@link RequestOptions}, kept with the task
 * (cookies in the owner-only secrets file, docs/decisions/0009), and the page it came from its
 * spec's {@code fromPage}, shown in the details pane. A suggested name is not used yet:
 * the spec has no field for it, so the server's {@code Content-Disposition} and the URL name the
 * file as for a paste.
 */
public final class WindowHandOffReceiver implements HandOffReceiver {

    /** How long a hand-off waits for the FX thread (busy with a dialog's nested loop, at worst). */
    private static final Duration FX_TIMEOUT = Duration.ofSeconds(20);

    private final Stage stage;
    private final MainViewModel viewModel;

    public WindowHandOffReceiver(Stage stage, MainViewModel viewModel) {
        this.stage = stage;
        this.viewModel = viewModel;
    }

    @Override
    public Receipt receive(HandOff handOff) throws HandOffUnavailableException {
        CompletableFuture<Receipt> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(onFxThread(handOff));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get(FX_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new HandOffUnavailableException("the Ferry window did not take the downloads within "
                    + FX_TIMEOUT.toSeconds() + " s (is a dialog open?)", e);
        } catch (ExecutionException e) {
            throw new HandOffUnavailableException("the Ferry window failed to take the downloads: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandOffUnavailableException("Ferry is shutting down", e);
        }
    }

    private Receipt onFxThread(HandOff handOff) {
        if (handOff.bringToFront()) {
            stage.setIconified(false);
            stage.show();
            stage.toFront();
            stage.requestFocus();
        }
        Set<String> queued = viewModel.queue().snapshots().stream()
                .map(s -> s.record().spec())
                .filter(spec -> spec instanceof DownloadSpec)
                .map(TransferSpec::url)
                .collect(Collectors.toSet());
        Set<String> added = new LinkedHashSet<>();
        // Downloads that send the same from the same page are added together, as one paste is.
        Map<Origin, List<String>> byOrigin = new LinkedHashMap<>();
        List<Receipt.Rejection> rejected = new ArrayList<>();
        List<TaskSnapshot> tasks = viewModel.queue().snapshots();
        for (Download download : handOff.downloads()) {
            Optional<TaskSnapshot> expired = viewModel.linkRefreshes().claim(download, tasks);
            if (expired.isPresent()) {
                refreshLink(expired.get(), download);
                added.add(download.url());
                continue;
            }
            if (queued.contains(download.url()) || added.contains(download.url())) {
                rejected.add(new Receipt.Rejection(download.url(), "already in the Ferry queue"));
                continue;
            }
            try {
                byOrigin.computeIfAbsent(new Origin(options(download), page(download)), o -> new ArrayList<>())
                        .add(download.url());
                added.add(download.url());
            } catch (IllegalArgumentException e) {
                rejected.add(new Receipt.Rejection(download.url(), e.getMessage()));
            }
        }
        byOrigin.forEach((origin, urls) -> viewModel.adding().handOver(urls, origin.options(), origin.page()));
        return new Receipt(List.copyOf(added), rejected);
    }

    /** What a hand-off's downloads share when they are added together: what they send and the page they came from. */
    private record Origin(RequestOptions options, URI page) {
    }

    /**
     * The page the download came from, or null when the hand-off names none (a terminal's {@code
     * ferry add}, an older extension). The hand-off has checked it is an http(s) URL; the spec
     * drops its user-info.
     */
    static URI page(Download download) {
        return download.pageUrl() == null || download.pageUrl().isBlank() ? null : URI.create(download.pageUrl());
    }

    /**
     * What the browser would have sent, as the task's options. Headers the HTTP client or a resume
     * manages itself (a browser's {@code Accept-Encoding}, {@code Connection}) are left to them:
     * the browser lists what its own request had, not what the user asked for.
     */
    static RequestOptions options(Download download) {
        List<Header> headers = new ArrayList<>();
        new TreeMap<>(download.headers()).forEach((name, value) -> {
            if (Header.isSettable(name)) {
                headers.add(new Header(name, value));
            }
        });
        List<app.ferry.engine.request.Cookie> cookies = download.cookies() == null ? List.of()
                : CookieString.parse(download.cookies());
        return new RequestOptions(headers, null, download.referer(), cookies);
    }

    /**
     * The browser handed over the file a task waits a new link for: the engine resumes it only if
     * the validators match, else restarts it and says so in its history.
     */
    private void refreshLink(TaskSnapshot task, Download download) {
        DownloadSpec old = (DownloadSpec) task.record().spec();
        DownloadSpec fresh = LinkRefreshes.withNewLink(old, download.url(), page(download))
                .withRequest(options(download));
        try {
            viewModel.queue().refreshLink(task.id(), fresh);
        } catch (IllegalStateException e) {
            // The user resumed it between the claim and now: it keeps waiting for the next hand-off.
            viewModel.linkRefreshes().await(task.id());
            throw e;
        }
    }
}
