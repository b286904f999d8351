package app.ferry.engine;

import app.ferry.engine.net.NetworkSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The queue's tunables. Immutable; the queue takes a new one through
 * {@link TransferQueue#reconfigure}.
 *
 * @param maxConcurrent tasks running at once
 * @param maxPerHost tasks running at once against one host:port
 * @param maxRetries attempts after the first one before a transient fault fails the task
 * @param backoffBase the first retry's delay; it doubles each time, with jitter
 * @param backoffCap no retry waits longer than this (unless the server's Retry-After says so, up to {@code retryAfterCap})
 * @param idleTimeout a connection that delivers no byte for this long is dropped and retried
 *     (an upload waiting for the server's answer to its whole body: at least 300 s)
 * @param checkpointInterval how often a running download's resume state is made durable
 * @param autoResume whether tasks left running by the last process start again when the queue opens
 * @param connections connections a download is split over when the server allows ranges (1..16),
 *     unless its {@link DownloadSpec#connections()} says otherwise
 * @param downloadLimit bytes per second all downloads together may receive, 0 for no limit
 * @param uploadLimit bytes per second all uploads together may send, 0 for no limit
 * @param lowSpeedLimit a transfer that moves fewer bytes per second than this, on average over
 *     {@code lowSpeedTime}, is cut off and reconnects to resume (curl's {@code --speed-limit},
 *     aria2's {@code --lowest-speed-limit}); 0 turns the rule off. Not applied while a rate limit
 *     below it is in force: then slowness is what the user asked for
 * @param lowSpeedTime how long a transfer may stay below {@code lowSpeedLimit} (curl's {@code --speed-time})
 * @param retryNonIdempotent whether a POST (raw or multipart) is sent again after the server answered it
 *     with an error; off by default, since the server may have acted on the first one (see
 *     {@code engine.transfer.RetryPolicy})
 * @param network proxies and CA certificates. The CA certificates are read once, at the queue's first
 *     https connection; other proxy settings given to {@link TransferQueue#reconfigure} apply to the
 *     requests sent after it
 */
public record EngineConfig(
        int maxConcurrent,
        int maxPerHost,
        int maxRetries,
        Duration backoffBase,
        Duration backoffCap,
        Duration retryAfterCap,
        Duration connectTimeout,
        Duration idleTimeout,
        Duration checkpointInterval,
        boolean autoResume,
        int connections,
        long downloadLimit,
        long uploadLimit,
        long lowSpeedLimit,
        Duration lowSpeedTime,
        boolean retryNonIdempotent,
        NetworkSettings network) {

    /** aria2's and most download managers' upper bound; more only burdens the server. */
    public static final int MAX_CONNECTIONS = 16;
    public static final int DEFAULT_CONNECTIONS = 4;
    /**
     * A body dripping a byte every few seconds never trips the idle timeout, and without this
     * stays "running" forever. 1 KiB/s for 30 s: slower than any real link, and long enough that a
     * server pausing to think is not cut off (curl has no default; aria2 disables it by default).
     */
    public static final long DEFAULT_LOW_SPEED_LIMIT = 1024;
    public static final Duration DEFAULT_LOW_SPEED_TIME = Duration.ofSeconds(30);

    public EngineConfig {
        if (maxConcurrent < 1 || maxPerHost < 1) {
            throw new IllegalArgumentException("At least one transfer must be allowed to run at once");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("Retries cannot be negative: " + maxRetries);
        }
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("Connections per download must be between 1 and " + MAX_CONNECTIONS
                    + ", not " + connections);
        }
        if (downloadLimit < 0 || uploadLimit < 0) {
            throw new IllegalArgumentException("A rate limit cannot be negative");
        }
        if (lowSpeedLimit < 0) {
            throw new IllegalArgumentException("The lowest speed cannot be negative: " + lowSpeedLimit);
        }
        if (lowSpeedTime == null || lowSpeedTime.isNegative() || lowSpeedTime.isZero()) {
            throw new IllegalArgumentException("The time a transfer may stay below the lowest speed must be positive, not "
                    + lowSpeedTime);
        }
        Objects.requireNonNull(network, "network");
    }

    /**
     * The shape before the low-speed rule, the POST retry choice and network settings: their
     * defaults (proxies and CAs as this process's environment says).
     */
    public EngineConfig(int maxConcurrent, int maxPerHost, int maxRetries, Duration backoffBase, Duration backoffCap,
                        Duration retryAfterCap, Duration connectTimeout, Duration idleTimeout,
                        Duration checkpointInterval, boolean autoResume, int connections, long downloadLimit,
                        long uploadLimit) {
        this(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap, connectTimeout,
                idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit,
                DEFAULT_LOW_SPEED_LIMIT, DEFAULT_LOW_SPEED_TIME, false, NetworkSettings.system());
    }

    /** The shape before connections and rate limits existed: default connections, no limits. */
    public EngineConfig(int maxConcurrent, int maxPerHost, int maxRetries, Duration backoffBase, Duration backoffCap,
                        Duration retryAfterCap, Duration connectTimeout, Duration idleTimeout,
                        Duration checkpointInterval, boolean autoResume) {
        this(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap, connectTimeout,
                idleTimeout, checkpointInterval, autoResume, DEFAULT_CONNECTIONS, 0, 0);
    }

    public static EngineConfig defaults() {
        return new EngineConfig(3, 3, 8, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10),
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(1), true);
    }

    public EngineConfig withMaxConcurrent(int n) {
        return new EngineConfig(n, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap, connectTimeout,
                idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit,
                lowSpeedLimit, lowSpeedTime, retryNonIdempotent, network);
    }

    public EngineConfig withMaxPerHost(int n) {
        return new EngineConfig(maxConcurrent, n, maxRetries, backoffBase, backoffCap, retryAfterCap, connectTimeout,
                idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit,
                lowSpeedLimit, lowSpeedTime, retryNonIdempotent, network);
    }

    public EngineConfig withMaxRetries(int n) {
        return new EngineConfig(maxConcurrent, maxPerHost, n, backoffBase, backoffCap, retryAfterCap, connectTimeout,
                idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit,
                lowSpeedLimit, lowSpeedTime, retryNonIdempotent, network);
    }

    public EngineConfig withBackoff(Duration base, Duration cap) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, base, cap, retryAfterCap, connectTimeout,
                idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit,
                lowSpeedLimit, lowSpeedTime, retryNonIdempotent, network);
    }

    public EngineConfig withIdleTimeout(Duration timeout) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap,
                connectTimeout, timeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit,
                lowSpeedLimit, lowSpeedTime, retryNonIdempotent, network);
    }

    public EngineConfig withAutoResume(boolean resume) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap,
                connectTimeout, idleTimeout, checkpointInterval, resume, connections, downloadLimit, uploadLimit,
                lowSpeedLimit, lowSpeedTime, retryNonIdempotent, network);
    }

    public EngineConfig withConnections(int n) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap,
                connectTimeout, idleTimeout, checkpointInterval, autoResume, n, downloadLimit, uploadLimit,
                lowSpeedLimit, lowSpeedTime, retryNonIdempotent, network);
    }

    /** Global limits in bytes per second, 0 for none. */
    public EngineConfig withLimits(long download, long upload) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap,
                connectTimeout, idleTimeout, checkpointInterval, autoResume, connections, download, upload,
                lowSpeedLimit, lowSpeedTime, retryNonIdempotent, network);
    }

    /** The low-speed rule: below {@code bytesPerSecond} on average for {@code time}, reconnect; 0 for never. */
    public EngineConfig withLowSpeed(long bytesPerSecond, Duration time) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap,
                connectTimeout, idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit,
                bytesPerSecond, time, retryNonIdempotent, network);
    }

    /** Whether a POST is sent again after an error answer (the CLI's {@code --retry-post}). */
    public EngineConfig withRetryNonIdempotent(boolean retry) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap,
                connectTimeout, idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit,
                lowSpeedLimit, lowSpeedTime, retry, network);
    }

    /** The same configuration with {@code proxy} in its network settings (a front end's --proxy). */
    public EngineConfig withProxy(ProxySettings proxy) {
        return withNetwork(network.withProxy(proxy));
    }

    /**
     * Why the CA certificate variables ({@code SSL_CERT_FILE}, {@code SSL_CERT_DIR}) of the network
     * settings cannot be used, for a front end to say as it starts; empty when they are fine or unset.
     */
    public java.util.List<Problem> certificateProblems() {
        return network.certificateProblems();
    }

    public EngineConfig withNetwork(NetworkSettings settings) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap,
                connectTimeout, idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit,
                lowSpeedLimit, lowSpeedTime, retryNonIdempotent, settings);
    }
}
