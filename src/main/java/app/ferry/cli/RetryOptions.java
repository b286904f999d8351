package app.ferry.cli;

import app.ferry.engine.EngineConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** curl-style retry options shared by every transfer command. */
final class RetryOptions {

    @Option(names = "--retries", paramLabel = "N", defaultValue = "8",
            description = "Attempts after a transient failure (dropped connection, 408, 429, 5xx) before giving up;"
                    + " progress resets the count (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--retry-delay", paramLabel = "SECONDS", defaultValue = "1",
            description = "First retry delay; it doubles each time, with jitter, up to 60 s (default: ${DEFAULT-VALUE}).")
    double retryDelaySeconds;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "3",
            description = "Transfers running at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    EngineConfig apply(EngineConfig config) {
        if (retries < 0) {
            throw new IllegalArgumentException("--retries cannot be negative");
        }
        if (retryDelaySeconds < 0) {
            throw new IllegalArgumentException("--retry-delay cannot be negative");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1");
        }
        Duration base = Duration.ofMillis(Math.round(retryDelaySeconds * 1000));
        return config.withMaxRetries(retries)
                .withBackoff(base, Duration.ofSeconds(60).compareTo(base) > 0 ? Duration.ofSeconds(60) : base)
                .withMaxConcurrent(parallel)
                .withMaxPerHost(parallel);
    }
}
