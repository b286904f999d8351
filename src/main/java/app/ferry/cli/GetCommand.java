package app.ferry.cli;

import app.ferry.engine.AppDirs;
import app.ferry.engine.Credentials;
import app.ferry.engine.DownloadSpec;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.http.InvalidUrlException;
import app.ferry.engine.http.NormalizedUrl;
import app.ferry.engine.http.UrlNormalizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "get", description = {
    "Download URLs, resuming from saved state when run again after Ctrl+C, a crash or a reboot."})
final class GetCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "URL", description = "http:// or https:// URLs.")
    List<String> urls;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR",
            description = "Where to save files (default: your Downloads folder).")
    Path dir;

    @Option(names = "--sha256", paramLabel = "HEX", description = "Expected SHA-256 of the file (one URL only).")
    String sha256;

    @Option(names = {"-u", "--user"}, paramLabel = "USER:PASSWORD", description = "HTTP Basic credentials (kept in memory only).")
    String user;

    @Option(names = "--allow-insecure-redirect", description = "Follow redirects from https to http.")
    boolean allowInsecureRedirect;

    @Mixin
    StateOptions state;

    @Option(names = {"-x", "--connections"}, paramLabel = "N",
            description = "Connections per file when the server allows ranges (1-16, like aria2's -x;"
                    + " default: " + EngineConfig.DEFAULT_CONNECTIONS + "). Files under 4 MiB use one.")
    Integer connections;

    @Mixin
    RetryOptions retry;

    @Mixin
    RateOptions rate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AppDirs dirs = AppDirs.forCurrentUser();

        List<NormalizedUrl> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String url : urls) {
            try {
                parsed.add(UrlNormalizer.normalize(url));
            } catch (InvalidUrlException e) {
                problems.add(e.getMessage());
            }
        }
        if (sha256 != null && urls.size() > 1) {
            problems.add("--sha256 checks one file: give one URL with it");
        }
        Path target = (dir == null ? dirs.downloadDir() : dir).toAbsolutePath();
        Optional<String> unusable = DownloadFolder.problem(target);
        unusable.ifPresent(problems::add);
        EngineConfig config;
        long limit = 0;
        try {
            config = retry.apply(EngineConfig.defaults());
            if (connections != null) {
                config = config.withConnections(connections);
            }
            limit = rate.bytesPerSecond();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            config = null;
        }
        List<DownloadSpec> specs = new ArrayList<>();
        for (NormalizedUrl url : parsed) {
            try {
                specs.add(new DownloadSpec(url.uri().toString(), target, sha256, connections == null ? 0 : connections,
                        allowInsecureRedirect));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("ferry: " + p));
            return ExitCode.USAGE;
        }

        try (QueueSession session = QueueSession.open(state.directory(dirs), config, out, err)) {
            if (session == null) {
                return ExitCode.STATE_UNAVAILABLE;
            }
            Set<TaskId> tracked = new LinkedHashSet<>(session.restoredActive());
            // Only tasks restored from the state can match: looked up once, not per URL.
            List<TaskSnapshot> restored = session.queue().snapshots();
            for (int i = 0; i < specs.size(); i++) {
                Credentials credentials = user != null ? Credentials.parse(user)
                        : parsed.get(i).username() == null ? null
                        : new Credentials(parsed.get(i).username(), parsed.get(i).password());
                long taskLimit = limit;
                enqueue(session, restored, specs.get(i), credentials, err).ifPresent(id -> {
                    session.queue().setTaskLimit(id, taskLimit);
                    tracked.add(id);
                });
            }
            return session.await(tracked);
        }
    }

    /** Adds a download, or continues the unfinished one for the same URL and folder. */
    private static Optional<TaskId> enqueue(QueueSession session, List<TaskSnapshot> restored, DownloadSpec download,
                                            Credentials credentials, PrintWriter err) {
        for (TaskSnapshot existing : restored) {
            if (!(existing.record().spec() instanceof DownloadSpec other) || !other.url().equals(download.url())
                    || !other.directory().equals(download.directory())) {
                continue;
            }
            if (existing.state() == TaskState.COMPLETED) {
                Path file = existing.record().download().finalFile();
                if (file != null && Files.exists(file)) {
                    err.println("ferry: " + download.url() + " was already downloaded to " + file + "; skipping");
                    return Optional.empty();
                }
                continue;
            }
            if (credentials != null) {
                session.queue().provideCredentials(existing.id(), credentials);
            } else {
                session.queue().resume(existing.id());
            }
            return Optional.of(existing.id());
        }
        return Optional.of(session.queue().add(download, credentials));
    }
}
