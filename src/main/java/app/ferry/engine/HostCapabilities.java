package app.ferry.engine;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the queue learnt about servers while it runs, shared by its downloads: today, the origins
 * that answered a range request of a segmented download with the whole file or a wrong part.
 * Their later downloads use one connection from the start instead of meeting the same lie and
 * restarting (issue 12, item 5). Kept in memory only, for the life of the queue: a server may be
 * fixed, and one wasted restart per process is cheap.
 */
public final class HostCapabilities {

    private final Set<String> noSegments = ConcurrentHashMap.newKeySet();

    /** True when the origin of {@code uri} garbled ranges before: download from it over one connection. */
    public boolean segmentsRefused(URI uri) {
        return noSegments.contains(origin(uri));
    }

    /**
     * Remembers that the origin of {@code uri} garbled a range.
     *
     * @return true the first time this origin is remembered
     */
    public boolean refuseSegments(URI uri) {
        return noSegments.add(origin(uri));
    }

    /** Scheme, host and port (the default one filled in): a CDN behind a redirect is its own entry. */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }
}
