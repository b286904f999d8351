package app.ferry.cli;

import app.ferry.engine.AppDirs;
import app.ferry.engine.Credentials;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.KnownDownloads;
import app.ferry.engine.NormalizedUrl;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.UrlNormalizer;
import app.ferry.engine.request.RequestOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.Options;

/** {@code ferry get URL...}. */
final class GetCommand implements CliCommand {

    @Override
    public String name() {
        return "get";
    }

    @Override
    public String operands() {
        return "[URL...]";
    }

    @Override
    public String summary() {
        return "Download URLs; run it again to resume after Ctrl+C, a crash or a reboot.";
    }

    @Override
    public List<String> description() {
        return List.of("Download URLs, resuming from saved state when run again after Ctrl+C, a crash or a reboot.",
                "URL: http:// or https:// URLs, given here or listed in a file (--input-file).");
    }

    @Override
    public Set<String> repeatable() {
        return RequestArguments.REPEATABLE;
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(CliOptions.valued("d", "dir", "DIR", "Where to save files (default: your Downloads folder)."));
        options.addOption(CliOptions.valued(null, "sha256", "HEX", "Expected SHA-256 of the file (one URL only)."));
        options.addOption(CliOptions.flag(null, "allow-insecure-redirect", "Follow redirects from https to http."));
        options.addOption(CliOptions.valued("i", "input-file", "FILE",
                "Also download the URLs listed in FILE, one per line (blank lines and # comments skipped;"
                        + " - reads standard input), like wget -i and aria2c -i."));
        options.addOption(CliOptions.valued("x", "connections", "N",
                "Connections per file when the server allows ranges (1-16, like aria2's -x;"
                        + " default: " + EngineConfig.DEFAULT_CONNECTIONS + "). Files under 4 MiB use one."));
        TransferOptions.addTo(options);
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException {
        List<String> urls = new ArrayList<>(arguments.operands());
        String sha256 = arguments.value("sha256");
        boolean allowInsecureRedirect = arguments.has("allow-insecure-redirect");
        TransferOptions transfer = TransferOptions.of(arguments);
        AppDirs dirs = AppDirs.forCurrentUser();

        Problems problems = new Problems();
        if (arguments.has("input-file")) {
            String list = arguments.value("input-file");
            problems.check(() -> UrlList.read(list)).ifPresent(urls::addAll);
        }
        if (urls.isEmpty() && problems.isEmpty()) {
            problems.add("get needs at least one URL, e.g. ferry get https://example.com/file.iso");
        }
        Integer connections = arguments.has("connections")
                ? problems.check(() -> Arguments.wholeNumber("--connections", arguments.value("connections"))).orElse(null)
                : null;
        Optional<Path> dir = arguments.has("dir")
                ? problems.check(() -> Path.of(arguments.value("dir"))) : Optional.empty();
        List<NormalizedUrl> parsed = new ArrayList<>();
        for (String url : urls) {
            problems.check(() -> UrlNormalizer.normalize(url)).ifPresent(parsed::add);
        }
        if (sha256 != null && urls.size() > 1) {
            problems.add("--sha256 checks one file: give one URL with it");
        }
        Optional<RequestOptions> request = transfer.request().check(problems);
        Path target = dir.orElseGet(dirs::downloadDir).toAbsolutePath();
        DownloadFolder.problem(target).ifPresent(problems::add);
        Optional<TransferOptions.Checked> options =
                transfer.check(c -> connections == null ? c : c.withConnections(connections), problems);
        List<DownloadSpec> specs = new ArrayList<>();
        for (NormalizedUrl url : parsed) {
            problems.check(() -> new DownloadSpec(url.uri(), target, sha256,
                    connections == null ? 0 : connections, allowInsecureRedirect)
                    .withRequest(request.orElse(RequestOptions.NONE))).ifPresent(specs::add);
        }
        if (!problems.isEmpty()) {
            return problems.report(err);
        }
        TransferOptions.Checked engine = options.orElseThrow();
        transfer.warnIfUserUnused(request.orElseThrow(), err);

        try (QueueSession session = QueueSession.open(engine.stateDir(), engine.config(), out, err)) {
            if (session == null) {
                return ExitCode.STATE_UNAVAILABLE;
            }
            Set<TaskId> tracked = new LinkedHashSet<>(session.restoredActive());
            // Only tasks restored from the state can match: indexed once, not searched per URL.
            KnownDownloads restored = KnownDownloads.of(session.queue().snapshots());
            // Each URL's task in order; null for a new one, added below with all the others in one sync.
            List<TaskId> order = new ArrayList<>();
            List<TransferQueue.Addition> fresh = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                Credentials credentials = transfer.credentials(parsed.get(i));
                DownloadSpec download = specs.get(i);
                switch (continueExisting(session, restored, download, credentials,
                        transfer.givesRequest() ? download.request() : null, err)) {
                    case Existing.Skipped() -> {
                    }
                    case Existing.Continued(TaskId id) -> order.add(id);
                    case Existing.None() -> {
                        order.add(null);
                        fresh.add(new TransferQueue.Addition(download, credentials));
                    }
                }
            }
            Iterator<TaskId> added = session.queue().addAll(fresh).iterator();
            for (TaskId id : order) {
                TaskId task = id != null ? id : added.next();
                session.queue().setTaskLimit(task, engine.taskLimit());
                tracked.add(task);
            }
            return session.await(tracked);
        }
    }

    /** What became of a URL that an earlier run may already know. */
    private sealed interface Existing {
        /** Downloaded before, and the file is still there. */
        record Skipped() implements Existing {
        }

        record Continued(TaskId id) implements Existing {
        }

        /** No task for it yet: it is added. */
        record None() implements Existing {
        }
    }

    /** Continues the unfinished task for the same download ({@link KnownDownloads}' rule), if there is one. */
    private static Existing continueExisting(QueueSession session, KnownDownloads restored,
                                             DownloadSpec download, Credentials credentials, RequestOptions given,
                                             PrintWriter err) {
        return switch (restored.find(download)) {
            case KnownDownloads.Match.Downloaded(TaskId id, Path file) -> {
                err.println("ferry: " + TerminalText.safe(download.url()) + " was already downloaded to " + TerminalText.safe(file)
                        + "; skipping");
                yield new Existing.Skipped();
            }
            case KnownDownloads.Match.Unfinished(TaskId id) -> {
                Continuation.resume(session, id, given, credentials, err);
                yield new Existing.Continued(id);
            }
            case KnownDownloads.Match.Adding() -> new Existing.None();
            case KnownDownloads.Match.None() -> new Existing.None();
        };
    }
}
