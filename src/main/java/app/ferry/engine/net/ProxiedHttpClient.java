package app.ferry.engine.net;

import java.util.List;
import app.ferry.engine.Problem;
import app.ferry.engine.StatusLine;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK client with proxy authentication and proxy errors handled in one place, so that no
 * transfer needs to know a proxy exists.
 *
 * <p>Why not the JDK's {@link Authenticator}: the client asks the same authenticator for a
 * server's 401 too, and when it declines (Ferry answers 401s itself, asking the user) the client
 * fails the request with "No credentials provided" instead of returning the 401. So the proxy's
 * Basic credentials go in a {@code Proxy-Authorization} header on each request routed through that
 * proxy, as curl sends them with {@code --proxy-user}: pre-emptively. The JDK puts that header on
 * the request to the proxy only (the CONNECT, or a proxied http request) and strips every
 * {@code Proxy-*} header from what goes to a server directly or inside a tunnel.
 *
 * <p>A 407 answer therefore means the proxy refused the credentials, or wanted some: it becomes a
 * {@link TransferFailure.Fatal} saying which, instead of a status each transfer would have to
 * explain. A request whose route is {@link ProxyRoute.Refused} fails before anything is sent.
 */
final class ProxiedHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final ProxyRules rules;

    ProxiedHttpClient(HttpClient delegate, ProxyRules rules) {
        this.delegate = delegate;
        this.rules = rules;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        ProxyRoute route = rules.routeFor(request.uri());
        HttpResponse<T> response;
        try {
            response = delegate.send(prepare(request, route), discarding407(handler));
        } catch (IOException e) {
            throw explained(e, route, request.uri()) instanceof IOException io ? io : e;
        }
        return checked(response, route);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return sendAsync(request, handler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushes) {
        ProxyRoute route = rules.routeFor(request.uri());
        HttpRequest prepared;
        try {
            prepared = prepare(request, route);
        } catch (TransferFailure.Fatal e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HttpResponse<T>> sent = delegate.sendAsync(prepared, discarding407(handler), pushes);
        CompletableFuture<HttpResponse<T>> answered = sent.handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                throw new CompletionException(explained(cause, route, request.uri()));
            }
            try {
                return checked(response, route);
            } catch (TransferFailure.Fatal e) {
                throw new CompletionException(e);
            }
        });
        // A dependent future does not pass a cancel back: pass it, so a pause aborts the exchange.
        answered.whenComplete((response, failure) -> {
            if (answered.isCancelled()) {
                sent.cancel(true);
            }
        });
        return answered;
    }

    /** A failure on a route through a proxy, said about the proxy when it is to blame ({@link ProxyFailures}). */
    private Throwable explained(Throwable error, ProxyRoute route, java.net.URI uri) {
        return route instanceof ProxyRoute.Via(ProxyUrl proxy)
                ? ProxyFailures.explain(error, proxy, rules.sourceFor(uri), uri) : error;
    }

    private static HttpRequest prepare(HttpRequest request, ProxyRoute route) throws TransferFailure.Fatal {
        return switch (route) {
            case ProxyRoute.Refused(Problem reason) -> throw new TransferFailure.Fatal(reason);
            case ProxyRoute.Via(ProxyUrl proxy) when proxy.credentials() != null ->
                    HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Proxy-Authorization"))
                            .header("Proxy-Authorization", proxy.credentials().basicAuthorization())
                            .build();
            default -> request;
        };
    }

    private static <T> HttpResponse<T> checked(HttpResponse<T> response, ProxyRoute route) throws TransferFailure.Fatal {
        if (response.statusCode() != 407 || !(route instanceof ProxyRoute.Via(ProxyUrl proxy))) {
            return response;
        }
        String status = StatusLine.of(407);
        if (proxy.credentials() == null) {
            throw new TransferFailure.Fatal(new Problem(Problem.Code.PROXY_CREDENTIALS_NEEDED, List.of(proxy.toString()),
                    "The proxy " + proxy + " asks for a user name and password (" + status + "): give them with"
                            + " --proxy-user USER:PASSWORD, or in the proxy URL (http://USER:PASSWORD@HOST:PORT)", false));
        }
        throw new TransferFailure.Fatal(new Problem(Problem.Code.PROXY_CREDENTIALS_REFUSED, List.of(proxy.toString()),
                "The proxy " + proxy + " refused the user name and password given for it (" + status + "): check the"
                        + " proxy user and password (--proxy-user, or USER:PASSWORD@ in the proxy URL)", false));
    }

    // The messages name the proxy by host and port only: they are saved with the task and shown
    // by ferry list, and proxy credentials, the user name included, stay out of both.

    /** A 407's body is of no use: it is read and dropped, so the connection is not left half-read. */
    @SuppressWarnings("unchecked")
    private static <T> HttpResponse.BodyHandler<T> discarding407(HttpResponse.BodyHandler<T> handler) {
        return info -> info.statusCode() == 407
                ? (HttpResponse.BodySubscriber<T>) HttpResponse.BodySubscribers.replacing(null)
                : handler.apply(info);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public void shutdownNow() {
        delegate.shutdownNow();
    }

    @Override
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        return delegate.awaitTermination(duration);
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
