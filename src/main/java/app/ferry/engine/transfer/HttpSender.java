package app.ferry.engine.transfer;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Starts one request on the queue's HTTP client of the moment. A transfer asks this for every
 * request and never keeps a client across requests: a proxy change replaces the client and shuts
 * the old one down once its requests under way are done (docs/decisions/0007), so a client kept
 * for a later request (the next tus chunk, a retry) would find it refusing.
 * {@link java.net.http.HttpClient#sendAsync(HttpRequest, HttpResponse.BodyHandler)} fits it, for
 * a caller that owns its client.
 */
@FunctionalInterface
public interface HttpSender {

    <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler);
}
