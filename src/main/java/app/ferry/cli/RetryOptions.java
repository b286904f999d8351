package app.ferry.cli;

import app.ferry.engine.EngineConfig;
import java.time.Duration;
import org.apache.commons.cli.Options;

/** curl-style retry options shared by every transfer command; values are checked by {@link #apply}. */
record RetryOptions(String retries, String retryDelay, String parallel, boolean retryPost) {

    private static final String DEFAULT_RETRIES = "8";
    private static final String DEFAULT_RETRY_DELAY = "1";
    private static final String DEFAULT_PARALLEL = "3";

    static void addTo(Options options) {
        options.addOption(CliOptions.valued(null, "retries", "N",
                "Attempts after a transient failure (dropped connection, 408, 429, 5xx) before giving up;"
                        + " progress resets the count (default: " + DEFAULT_RETRIES + ")."));
        options.addOption(CliOptions.valued(null, "retry-delay", "SECONDS",
                "First retry delay; it doubles each time, with jitter, up to 60 s (default: " + DEFAULT_RETRY_DELAY + ")."));
        options.addOption(CliOptions.valued(null, "parallel", "N",
                "Transfers running at once (default: " + DEFAULT_PARALLEL + ")."));
        options.addOption(CliOptions.flag(null, "retry-post",
                "Send a POST upload again after a 5xx answer too (it may then be received twice); by default a POST"
                        + " is retried only when no answer came, or on 429/503 with Retry-After."));
    }

    static RetryOptions of(Arguments arguments) {
        return new RetryOptions(arguments.value("retries", DEFAULT_RETRIES),
                arguments.value("retry-delay", DEFAULT_RETRY_DELAY), arguments.value("parallel", DEFAULT_PARALLEL),
                arguments.has("retry-post"));
    }

    /** @throws IllegalArgumentException naming the first bad value, for the user */
    EngineConfig apply(EngineConfig config) {
        int maxRetries = Arguments.wholeNumber("--retries", retries);
        double retryDelaySeconds = Arguments.number("--retry-delay", retryDelay);
        int maxParallel = Arguments.wholeNumber("--parallel", parallel);
        if (maxRetries < 0) {
            throw new IllegalArgumentException("--retries cannot be negative");
        }
        if (retryDelaySeconds < 0) {
            throw new IllegalArgumentException("--retry-delay cannot be negative");
        }
        if (maxParallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1");
        }
        Duration base = Duration.ofMillis(Math.round(retryDelaySeconds * 1000));
        return config.withMaxRetries(maxRetries)
                .withBackoff(base, Duration.ofSeconds(60).compareTo(base) > 0 ? Duration.ofSeconds(60) : base)
                .withMaxConcurrent(maxParallel)
                .withMaxPerHost(maxParallel)
                .withRetryNonIdempotent(retryPost);
    }
}
