package app.ferry.cli;

import app.ferry.handoff.Download;
import app.ferry.handoff.HandOffClient;
import app.ferry.handoff.InstancePaths;
import app.ferry.handoff.Receipt;
import app.ferry.handoff.Reply;
import app.ferry.handoff.SingleInstance;
import app.ferry.handoff.WindowLauncher;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.Options;

/**
 * {@code ferry add URL...}: hands URLs to the running Ferry window over the local channel
 * ({@code app.ferry.handoff}), starting the window when none runs, and prints what it added.
 */
final class AddCommand implements CliCommand {

    private static final int DEFAULT_START_SECONDS = 60;

    @Override
    public String name() {
        return "add";
    }

    @Override
    public String operands() {
        return "[URL...]";
    }

    @Override
    public String summary() {
        return "Hand URLs to the Ferry window (started if none runs) and return once it has them.";
    }

    @Override
    public List<String> description() {
        return List.of("Hand URLs to the running Ferry window, which downloads them into its download folder.",
                "When no window runs, one is started. Exits 0 once the window has added every URL, 1 when it",
                "refused some (each is printed with the reason) or could not be reached.",
                "URL: http:// or https:// URLs, given here or listed in a file (--input-file).");
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(CliOptions.valued("i", "input-file", "FILE",
                "Also hand over the URLs listed in FILE, one per line (blank lines and # comments skipped;"
                        + " - reads standard input)."));
        options.addOption(CliOptions.flag(null, "background", "Do not bring the window to the front."));
        options.addOption(CliOptions.valued(null, "start-timeout", "SECONDS",
                "How long to wait for a window that had to be started (default: " + DEFAULT_START_SECONDS + ")."));
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException {
        List<String> urls = new ArrayList<>(arguments.operands());
        Problems problems = new Problems();
        if (arguments.has("input-file")) {
            String list = arguments.value("input-file");
            problems.check(() -> UrlList.read(list)).ifPresent(urls::addAll);
        }
        if (urls.isEmpty() && problems.isEmpty()) {
            problems.add("add needs at least one URL, e.g. ferry add https://example.com/file.iso");
        }
        int startSeconds = arguments.has("start-timeout")
                ? problems.check(() -> Arguments.wholeNumber("--start-timeout", arguments.value("start-timeout")))
                        .orElse(DEFAULT_START_SECONDS)
                : DEFAULT_START_SECONDS;
        if (startSeconds < 1) {
            problems.add("--start-timeout must be at least 1 second, not " + startSeconds);
        }
        List<Download> downloads = new ArrayList<>();
        for (String url : urls) {
            Download download = Download.of(url);
            List<String> wrong = HandOffClient.problems(download);
            if (wrong.isEmpty()) {
                downloads.add(download);
            } else {
                wrong.forEach(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            return problems.report(err);
        }

        InstancePaths paths = InstancePaths.forCurrentUser();
        Reply reply;
        try (HandOffClient client = connectOrStart(paths, Duration.ofSeconds(startSeconds), err)) {
            reply = client.handOff(downloads, !arguments.has("background"), SingleInstance.HAND_OFF_TIMEOUT);
        }
        if (reply.isError()) {
            err.println("ferry: the Ferry window refused the URLs (" + reply.error() + "): " + reply.message());
            return ExitCode.TRANSFER_FAILED;
        }
        Receipt receipt = reply.receipt();
        out.println("Added " + receipt.added().size() + " of " + downloads.size() + " URL"
                + (downloads.size() == 1 ? "" : "s") + " to the Ferry window.");
        for (Receipt.Rejection rejection : receipt.rejected()) {
            err.println("ferry: not added: " + rejection.url() + ": " + rejection.reason());
        }
        return receipt.rejected().isEmpty() ? ExitCode.OK : ExitCode.TRANSFER_FAILED;
    }

    private static HandOffClient connectOrStart(InstancePaths paths, Duration startTimeout, PrintWriter err)
            throws IOException {
        Optional<HandOffClient> running = HandOffClient.connect(paths);
        if (running.isPresent()) {
            return running.get();
        }
        err.println("ferry: no Ferry window runs; starting one");
        return WindowLauncher.startAndConnect(paths, startTimeout);
    }
}
