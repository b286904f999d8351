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
 * @param checkpointInterval how often a running download's resume state is made durable
 * @param autoResume whether tasks left running by the last process start again when the queue opens
 * @param connections connections a download is split over when the server allows ranges (1..16),
 *     unless its {@link DownloadSpec#connections()} says otherwise
 * @param downloadLimit bytes per second all downloads together may receive, 0 for no limit
 * @param uploadLimit bytes per second all uploads together may send, 0 for no limit
 * @param network proxies and CA certificates; read when the queue opens, not by {@link TransferQueue#reconfigure}
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
        NetworkSettings network) {

    /** aria2's and most download managers' upper bound; more only burdens the server. */
    public static final int MAX_CONNECTIONS = 16;
    public static final int DEFAULT_CONNECTIONS = 4;

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
        Objects.requireNonNull(network, "network");
    }

    /** The shape before network settings existed: proxies and CAs as this process's environment says. */
    public EngineConfig(int maxConcurrent, int maxPerHost, int maxRetries, Duration backoffBase, Duration backoffCap,
                        Duration retryAfterCap, Duration connectTimeout, Duration idleTimeout,
                        Duration checkpointInterval, boolean autoResume, int connections, long downloadLimit,
                        long uploadLimit) {
        this(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap, connectTimeout,
                idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit,
                NetworkSettings.system());
    }

    /** The shape before connections and rate limits existed: default connections, no limits. */
    public EngineConfig(int maxConcurrent, int maxPerHost, int maxRetries, Duration backoffBase, Duration backoffCap,
                        Duration retryAfterCap, Duration connectTimeout, Duration idleTimeout,
                        Duration checkpointInterval, boolean autoResume) {
        this(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap, connectTimeout,
                idleTimeout, checkpointInterval, autoResume, DEFAULT_CONNECTIONS, 0, 0, NetworkSettings.system());
    }

    public static EngineConfig defaults() {
        return new EngineConfig(3, 3, 8, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10),
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(1), true);
    }

    public EngineConfig withMaxConcurrent(int n) {
        return new EngineConfig(n, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap, connectTimeout,
                idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit, network);
    }

    public EngineConfig withMaxPerHost(int n) {
        return new EngineConfig(maxConcurrent, n, maxRetries, backoffBase, backoffCap, retryAfterCap, connectTimeout,
                idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit, network);
    }

    public EngineConfig withMaxRetries(int n) {
        return new EngineConfig(maxConcurrent, maxPerHost, n, backoffBase, backoffCap, retryAfterCap, connectTimeout,
                idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit, network);
    }

    public EngineConfig withBackoff(Duration base, Duration cap) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, base, cap, retryAfterCap, connectTimeout,
                idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit, network);
    }

    public EngineConfig withIdleTimeout(Duration timeout) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap,
                connectTimeout, timeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit, network);
    }

    public EngineConfig withAutoResume(boolean resume) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap,
                connectTimeout, idleTimeout, checkpointInterval, resume, connections, downloadLimit, uploadLimit, network);
    }

    public EngineConfig withConnections(int n) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap,
                connectTimeout, idleTimeout, checkpointInterval, autoResume, n, downloadLimit, uploadLimit, network);
    }

    /** Global limits in bytes per second, 0 for none. */
    public EngineConfig withLimits(long download, long upload) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap,
                connectTimeout, idleTimeout, checkpointInterval, autoResume, connections, download, upload, network);
    }

    /** Proxies and CA certificates (see {@link NetworkSettings}). */
    public EngineConfig withNetwork(NetworkSettings settings) {
        return new EngineConfig(maxConcurrent, maxPerHost, maxRetries, backoffBase, backoffCap, retryAfterCap,
                connectTimeout, idleTimeout, checkpointInterval, autoResume, connections, downloadLimit, uploadLimit,
                settings);
    }
}
