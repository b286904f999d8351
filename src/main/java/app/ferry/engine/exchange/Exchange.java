package app.ferry.engine.exchange;

import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.transfer.Redirects;
import app.ferry.engine.transfer.TransferContext;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Sends a transfer's requests and follows up on the answers that are not for the transfer to
 * judge: redirects (OkHttp's {@code followUpRequest}). Every answer is checked for a sound
 * framing and reported to the queue's listeners; what a final answer means (a file, an upload
 * accepted, a password asked for) is the caller's.
 *
 * <p>Bodies are not registered with {@link TransferContext#onStop}: each caller decides when a
 * body becomes its own.
 */
public final class Exchange {

    private final TransferContext context;
    private final RequestBuilder requests;

    public Exchange(TransferContext context) {
        this.context = context;
        this.requests = new RequestBuilder(context.credentials(), context.record().spec().request());
    }

    /** True when {@code request} carries the task's credentials. */
    public boolean authorizes(ExchangeRequest request) {
        return requests.authorizes(request);
    }

    /** Sends {@code request} once and returns the answer, whatever its status. */
    public HttpResponse<InputStream> send(ExchangeRequest request) throws IOException {
        HttpResponse<InputStream> response = context.send(requests.build(request),
                HttpResponse.BodyHandlers.ofInputStream());
        try {
            Answers.requireOneLength(response);
        } catch (TransferFailure.Fatal e) {
            response.body().close();
            throw e;
        }
        context.events().responseReceived(context.record().id(), response.statusCode(), response.headers().map());
        return response;
    }

    /**
     * Sends {@code request} and follows its redirects, at most {@link Redirects#MAX_FOLLOW_UPS},
     * each noted in the task's history; returns the first answer that is not a redirect to follow.
     * The final address is {@code response.uri()}.
     *
     * @throws TransferFailure.Fatal for too many redirects, or a redirect {@link Redirects#target}
     *     refuses
     */
    public HttpResponse<InputStream> follow(ExchangeRequest request) throws IOException {
        ExchangeRequest current = request;
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response = send(current);
            int status = response.statusCode();
            if (!isFollowed(current, status)) {
                return response;
            }
            response.body().close();
            if (hop >= Redirects.MAX_FOLLOW_UPS) {
                throw new TransferFailure.Fatal(Phrases.tooManyRedirects(Redirects.MAX_FOLLOW_UPS, request.origin()));
            }
            URI next = Redirects.target(current.uri(), status, response.headers(), current.allowHttpsDowngrade());
            context.note(HistoryEvent.Kind.REDIRECTED, current.offset(), current.body() == null
                    ? Phrases.redirected(next) : Phrases.redirectedWithBody(status, next));
            context.events().redirected(context.record().id(), current.uri(), next);
            current = current.redirectedTo(next);
        }
    }

    /**
     * A request without a body follows every redirect. One with a body follows only 307 and 308,
     * which keep the method and the body (Ferry's bodies are re-created from disk, so it may send
     * them again); a 301–303 would turn it into a bodiless GET and lose the upload, so that
     * answer goes back to the caller to report.
     */
    static boolean isFollowed(ExchangeRequest request, int status) {
        if (request.body() != null) {
            return status == 307 || status == 308;
        }
        return Redirects.isRedirect(status);
    }
}
