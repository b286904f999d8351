package app.ferry.engine;

import app.ferry.engine.net.NetworkSettings;
import app.ferry.engine.transfer.HttpSender;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.net.ssl.SSLContext;

/**
 * The queue's HTTP client, rebuilt when {@link TransferQueue#reconfigure} brings other network
 * settings (the window's proxy setting), so a new proxy needs no restart.
 *
 * <p>Why a new client rather than a selector that reads changing rules: a request's
 * {@code Proxy-Authorization} is chosen when it is prepared and its proxy when the JDK connects; with
 * rules changing in between, one proxy's credentials could reach another. Each client keeps the
 * rules it was built with, so the two always agree.
 *
 * <p>Every request starts through {@link #sendAsync}, never on a client kept from before: the next
 * request of a running task (a segment, a retry, a redirect's hop, the next tus chunk) takes the new
 * proxy, while one already sent finishes on the connection it has. A replaced client is
 * {@link HttpClient#shutdown() shut down} at once: it refuses new requests and ends (its selector
 * thread, its pooled connections) when the exchanges under way on it are done. The read lock makes
 * that safe: a request picks the client and registers with it (the JDK counts it before
 * {@code sendAsync} returns) while {@link #reconfigure} cannot swap, so no request can pick a client
 * after its shutdown. {@code sendAsync} only starts the exchange, so the lock is held for an instant.
 *
 * <p>Thread safety: {@link #sendAsync} and {@link #current()} from any thread; {@link #reconfigure}
 * and {@link #shutdownNow} are synchronized.
 */
final class QueueClient implements HttpSender {

    private final SSLContext tls;
    private final ReadWriteLock swap = new ReentrantReadWriteLock();
    /** Replaced clients that may still finish requests; forgotten once terminated. */
    private final List<HttpClient> draining = new ArrayList<>();
    private volatile Built built;

    private record Built(HttpClient client, NetworkSettings network) {
    }

    QueueClient(EngineConfig config, SSLContext tls) {
        this.tls = tls;
        this.built = new Built(HttpClientFactory.create(config, tls), config.network());
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        swap.readLock().lock();
        try {
            return built.client().sendAsync(request, handler);
        } finally {
            swap.readLock().unlock();
        }
    }

    /** The client new requests go to now (for a look at it; requests start through {@link #sendAsync}). */
    HttpClient current() {
        return built.client();
    }

    /**
     * Builds a new client when {@code config}'s network settings differ from the current one's, and
     * shuts the old one down: the requests under way on it finish, nothing new starts on it.
     */
    synchronized void reconfigure(EngineConfig config) {
        Built old = built;
        if (old.network().equals(config.network())) {
            return;
        }
        // The same TLS context: CA certificates are read once, at the first https connection.
        Built fresh = new Built(HttpClientFactory.create(config, tls), config.network());
        swap.writeLock().lock();
        try {
            built = fresh;
        } finally {
            swap.writeLock().unlock();
        }
        old.client().shutdown();
        draining.removeIf(HttpClient::isTerminated);
        draining.add(old.client());
    }

    /** Closes every client this queue made, aborting what still runs on them (its transfers are stopped by then). */
    synchronized void shutdownNow() {
        draining.forEach(HttpClient::shutdownNow);
        draining.clear();
        built.client().shutdownNow();
    }
}
