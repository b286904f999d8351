package app.ferry.engine;

import app.ferry.engine.net.NetworkSettings;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The queue's HTTP client, rebuilt when {@link TransferQueue#reconfigure} brings other network
 * settings (the window's proxy setting), so a new proxy needs no restart.
 *
 * <p>Why a new client rather than a selector that reads changing rules: a request's
 * {@code Proxy-Authorization} is chosen when it is prepared and its proxy when the JDK connects; with
 * rules changing in between, one proxy's credentials could reach another. Each client keeps the
 * rules it was built with, so the two always agree. Every request asks for {@link #current()}: the
 * next request of a running task (a segment, a retry) takes the new proxy, while one already
 * sent finishes on the connection it has. A replaced client is not shut down then (a request may
 * have picked it an instant before), only when the queue closes; a proxy change is a user's
 * action, so they are few.
 *
 * <p>Thread safety: {@link #current()} from any thread; {@link #reconfigure} and {@link #shutdownNow}
 * are synchronized.
 */
final class QueueClient {

    private final SSLContext tls;
    private final List<HttpClient> replaced = new ArrayList<>();
    private volatile Built built;

    private record Built(HttpClient client, NetworkSettings network) {
    }

    QueueClient(EngineConfig config, SSLContext tls) {
        this.tls = tls;
        this.built = new Built(HttpClientFactory.create(config, tls), config.network());
    }

    /** The client new requests use. */
    HttpClient current() {
        return built.client();
    }

    /** Builds a new client when {@code config}'s network settings differ from the current one's. */
    synchronized void reconfigure(EngineConfig config) {
        Built old = built;
        if (old.network().equals(config.network())) {
            return;
        }
        replaced.add(old.client());
        // The same TLS context: CA certificates are read once, at the first https connection.
        built = new Built(HttpClientFactory.create(config, tls), config.network());
    }

    /** Closes every client this queue made (its transfers are stopped by then). */
    synchronized void shutdownNow() {
        replaced.forEach(HttpClient::shutdownNow);
        replaced.clear();
        built.client().shutdownNow();
    }
}
