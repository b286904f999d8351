package app.ferry.ui;

import app.ferry.engine.Credentials;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.KnownDownloads;
import app.ferry.engine.NormalizedUrl;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.request.RequestOptions;
import app.ferry.ui.add.AddUrlsRequest;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Adding downloads: pasted or dropped text, the "Add URLs" dialog, and URLs handed over from
 * outside the window ({@link #handOver}). It finds the links, refuses what cannot be downloaded
 * and what is already in the list ({@link KnownDownloads}' rule, the same as {@code ferry get}'s),
 * and says so in one message.
 *
 * <p>Threads: the public methods run on the FX thread and return at once; the tasks are added by
 * {@link #addAll} on {@link QueueWrites}' background thread, in one sync for the whole batch, and
 * the message comes back on the FX thread when they are in the queue.
 */
public final class AddDownloadsViewModel {

    private final TransferQueue queue;
    private final QueueWrites writes;
    private final Messages messages;
    private final I18n i18n;
    private final Supplier<Path> downloadFolder;
    /** Downloads handed to {@link #writes} and not yet added: pasting one again before then is a duplicate too. */
    private final Set<DownloadSpec> pending = new HashSet<>();

    /** One URL to add, checked on the FX thread and written by the background thread. */
    private record Addition(String url, DownloadSpec spec, Credentials credentials) {
    }

    AddDownloadsViewModel(TransferQueue queue, QueueWrites writes, Messages messages, I18n i18n,
            Supplier<Path> downloadFolder) {
        this.queue = queue;
        this.writes = writes;
        this.messages = messages;
        this.i18n = i18n;
        this.downloadFolder = downloadFolder;
    }

    /** FX thread. Ctrl+V or dropped text: every valid URL starts downloading into the download folder. */
    public void pasteText(String text) {
        addUrls(text, downloadFolder.get(), null, null, RequestOptions.NONE, null);
    }

    /**
     * FX thread. URLs handed over from outside the window (a second {@code ferry} started with
     * URLs, a browser): added like pasted ones. From another thread, call it through
     * {@code Platform.runLater}.
     */
    public void handOver(List<String> urls) {
        handOver(urls, RequestOptions.NONE);
    }

    /** FX thread: as {@link #handOver(List)}, each task sending {@code options} (a browser's headers, cookies, Referer). */
    public void handOver(List<String> urls, RequestOptions options) {
        handOver(urls, options, null);
    }

    /**
     * FX thread: as {@link #handOver(List, RequestOptions)}, each task remembering the web page it
     * came from ({@code page}, null for none) to show where it came from.
     */
    public void handOver(List<String> urls, RequestOptions options, URI page) {
        addUrls(String.join("\n", urls), downloadFolder.get(), null, null, options, page);
    }

    /** FX thread: what the "Add URLs" dialog asked for. */
    public void addUrls(AddUrlsRequest request) {
        Credentials credentials = request.user().isEmpty() ? null : new Credentials(request.user(), request.password());
        RequestOptions options;
        try {
            options = request.requestOptions();
        } catch (IllegalArgumentException e) {
            messages.show(UserMessage.error(new ProblemText(i18n).why(e)));
            return;
        }
        addUrls(request.text(), request.folder(), request.sha256().isEmpty() ? null : request.sha256(), credentials,
                options, null);
    }

    private void addUrls(String text, Path folder, String sha256, Credentials credentials, RequestOptions options,
            URI page) {
        UrlExtractor.Extraction found = UrlExtractor.extract(text);
        if (found.isEmpty()) {
            messages.show(UserMessage.warning(i18n.get("msg.noUrl", shorten(text))));
            return;
        }
        if (sha256 != null && found.urls().size() != 1) {
            messages.show(UserMessage.error(i18n.get("msg.checksumNeedsOneUrl")));
            return;
        }
        KnownDownloads known = KnownDownloads.of(queue.snapshots());
        pending.forEach(known::adding);
        List<Addition> additions = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        ProblemText problemText = new ProblemText(i18n);
        found.refused().forEach(r -> refused.add(i18n.get("refusal." + r.kind().name(), r.text(),
                r.problem() == null ? r.reason() : problemText.of(r.problem()))));
        for (NormalizedUrl url : found.urls()) {
            String uri = url.uri().toString();
            DownloadSpec spec;
            try {
                spec = DownloadSpec.of(uri, folder).withRequest(options).fromPage(page);
                if (sha256 != null) {
                    spec = spec.withSha256(sha256);
                }
            } catch (IllegalArgumentException e) {
                refused.add(uri + ": " + problemText.why(e));
                continue;
            }
            if (known.find(spec).isKnown()) {
                duplicates.add(uri);
                continue;
            }
            known.adding(spec);
            additions.add(new Addition(uri, spec, Credentials.givenOrFromUrl(credentials, url)));
        }
        if (additions.isEmpty()) {
            reportAdded(0, duplicates, refused, refused.size());
            return;
        }
        List<DownloadSpec> batch = additions.stream().map(Addition::spec).toList();
        pending.addAll(batch);
        writes.submit(() -> addAll(additions), failure -> {
            batch.forEach(pending::remove);
            int refusedCount = refused.size();
            if (failure.isPresent()) {
                // One reason for the whole batch, said once rather than under each of a thousand URLs.
                List<String> urls = additions.stream().map(Addition::url).toList();
                refused.add((urls.size() == 1 ? urls.getFirst() : urls.getFirst() + " … " + urls.getLast())
                        + ": " + failure.get());
                refusedCount += urls.size();
            }
            reportAdded(failure.isPresent() ? 0 : additions.size(), duplicates, refused, refusedCount);
        });
    }

    /** Background thread: adds the tasks with one sync, or says why none of them could be added. */
    private Optional<String> addAll(List<Addition> additions) {
        try {
            queue.addAll(additions.stream().map(a -> new TransferQueue.Addition(a.spec(), a.credentials())).toList());
            return Optional.empty();
        } catch (UncheckedIOException | IllegalStateException e) {
            return Optional.of(i18n.get("msg.notSaved", new ProblemText(i18n).why(e)));
        }
    }

    private void reportAdded(int started, List<String> duplicates, List<String> refused, int refusedCount) {
        List<String> lines = new ArrayList<>();
        if (started > 0) {
            lines.add(i18n.get("msg.started", started));
        }
        if (!duplicates.isEmpty()) {
            lines.add(i18n.get("msg.duplicates", duplicates.size(), String.join(", ", duplicates)));
        }
        if (!refused.isEmpty()) {
            lines.add(i18n.get("msg.refused", refusedCount) + "\n• " + String.join("\n• ", refused));
        }
        String text = String.join("\n", lines);
        if (!refused.isEmpty()) {
            messages.show(UserMessage.error(text));
        } else if (!duplicates.isEmpty()) {
            messages.show(UserMessage.warning(text));
        } else {
            messages.show(UserMessage.info(text));
        }
    }

    private static String shorten(String text) {
        String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }
}
