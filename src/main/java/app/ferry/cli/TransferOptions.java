package app.ferry.cli;

import app.ferry.engine.AppDirs;
import app.ferry.engine.Credentials;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.NormalizedUrl;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.commons.cli.Options;

/** The options of every command that starts transfers: state directory, retries, rate, credentials, proxy and request options. */
record TransferOptions(String user, StateOptions state, RetryOptions retry, RateOptions rate, ProxyOptions proxy,
                       RequestArguments request) {

    static void addTo(Options options) {
        options.addOption(CliOptions.valued("u", "user", "USER:PASSWORD", "HTTP Basic credentials (kept in memory only; an -H Authorization header wins, as in curl)."));
        StateOptions.addTo(options);
        RetryOptions.addTo(options);
        RateOptions.addTo(options);
        ProxyOptions.addTo(options);
        RequestArguments.addTo(options);
    }

    static TransferOptions of(Arguments arguments) {
        return new TransferOptions(arguments.value("user"), StateOptions.of(arguments), RetryOptions.of(arguments),
                RateOptions.of(arguments), ProxyOptions.of(arguments), RequestArguments.of(arguments));
    }

    /** What these options ask for, checked: the engine, the per-task rate limit and the state directory. */
    record Checked(EngineConfig config, long taskLimit, Path stateDir) {
    }

    /**
     * Checks every value (with {@code adjust} applied to the engine config, e.g. the connections of
     * {@code get}); empty with each mistake in {@code problems}.
     */
    Optional<Checked> check(UnaryOperator<EngineConfig> adjust, Problems problems) {
        Optional<EngineConfig> config = problems.check(() -> adjust.apply(proxy.apply(retry.apply(EngineConfig.defaults()))));
        Optional<Long> limit = problems.check(rate::bytesPerSecond);
        Optional<Path> stateDir = problems.check(() -> state.directory(AppDirs.forCurrentUser()));
        if (config.isEmpty() || limit.isEmpty() || stateDir.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Checked(config.get(), limit.get(), stateDir.get()));
    }

    /**
     * True when this command line gives request options ({@code -H}, {@code --cookie},
     * {@code --load-cookies}, {@code --referer}, {@code -A} or {@code --user}): a task run again
     * then sends these instead of the ones saved with it ({@link Continuation}).
     */
    boolean givesRequest() {
        return user != null || request.isGiven();
    }

    /**
     * Says on {@code err} when {@code --user} will not be sent: an {@code -H Authorization} given
     * with it wins, as in curl (the header is what the user wrote out in full).
     */
    void warnIfUserUnused(app.ferry.engine.request.RequestOptions options, java.io.PrintWriter err) {
        if (user != null && options.hasAuthorization()) {
            err.println("ferry: --user is not sent: the -H \"Authorization: ...\" header given with it is sent instead"
                    + " (as in curl); give one or the other");
        }
    }

    /** {@code --user} if given, else the user and password written in the URL, else none. */
    Credentials credentials(NormalizedUrl url) {
        return Credentials.givenOrFromUrl(user == null ? null : Credentials.parse(user), url);
    }
}
