package app.ferry.cli;

import app.ferry.engine.Credentials;
import app.ferry.engine.EngineConfig;
import app.ferry.engine.http.NormalizedUrl;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.commons.cli.Options;

/** The options of every command that starts transfers: state directory, retries, rate and credentials. */
record TransferOptions(String user, StateOptions state, RetryOptions retry, RateOptions rate) {

    static void addTo(Options options) {
        options.addOption(CliOptions.valued("u", "user", "USER:PASSWORD", "HTTP Basic credentials (kept in memory only)."));
        StateOptions.addTo(options);
        RetryOptions.addTo(options);
        RateOptions.addTo(options);
    }

    static TransferOptions of(Arguments arguments) {
        return new TransferOptions(arguments.value("user"), StateOptions.of(arguments), RetryOptions.of(arguments),
                RateOptions.of(arguments));
    }

    /** The engine and the per-task rate limit these options ask for. */
    record Engine(EngineConfig config, long taskLimit) {
    }

    /**
     * The engine config (with {@code adjust} applied, e.g. the connections of {@code get}) and the
     * rate limit, or empty with the first out-of-range value in {@code problems}.
     */
    Optional<Engine> engine(UnaryOperator<EngineConfig> adjust, Problems problems) {
        return problems.check(() -> {
            EngineConfig config = adjust.apply(retry.apply(EngineConfig.defaults()));
            return new Engine(config, rate.bytesPerSecond());
        });
    }

    /** {@code --user} if given, else the user and password written in the URL, else none. */
    Credentials credentials(NormalizedUrl url) {
        if (user != null) {
            return Credentials.parse(user);
        }
        return url != null && url.username() != null ? new Credentials(url.username(), url.password()) : null;
    }
}
