package app.ferry.engine.exchange;

import app.ferry.engine.Credentials;
import app.ferry.engine.FerryBuild;
import app.ferry.engine.http.RangeRequest;
import app.ferry.engine.transfer.Redirects;
import java.net.http.HttpRequest;

/**
 * Turns what a transfer asks for into the request that goes on the wire, the same way for
 * every transfer and every hop (OkHttp's {@code BridgeInterceptor}): the one place that decides
 * which headers a request carries.
 */
public final class RequestBuilder {

    private final Credentials credentials;

    /** @param credentials the task's user and password, or null; sent only to the request's origin */
    public RequestBuilder(Credentials credentials) {
        this.credentials = credentials;
    }

    public HttpRequest build(ExchangeRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .method(request.method(), request.body() != null ? request.body() : HttpRequest.BodyPublishers.noBody());
        if (request.timeout() != null) {
            builder.timeout(request.timeout());
        }
        builder.header("User-Agent", FerryBuild.userAgent());
        if (request.identityEncoding()) {
            builder.header("Accept-Encoding", "identity");
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.hasRange()) {
            builder.header("Range", request.rangeLast() >= 0
                    ? RangeRequest.between(request.rangeFirst(), request.rangeLast())
                    : RangeRequest.startingAt(request.rangeFirst()));
            if (request.ifRange() != null) {
                builder.header("If-Range", request.ifRange());
            }
        }
        request.protocolHeaders().forEach(builder::header);
        addOriginHeaders(builder, request);
        return builder.build();
    }

    /** True when this hop may carry what belongs to the origin the user named. */
    public static boolean atOrigin(ExchangeRequest request) {
        return Redirects.sameOrigin(request.origin(), request.uri());
    }

    /** True when this request carries the task's credentials. */
    public boolean authorizes(ExchangeRequest request) {
        return credentials != null && atOrigin(request);
    }

    /**
     * What the user gave for one origin, dropped as soon as a redirect leaves it (the JDK client
     * and browsers do the same): today the credentials. The seam for what comes next — the
     * user's own headers, a cookie jar's {@code Cookie}, a {@code Referer} — which belong here
     * too, under the same rule; a default {@code User-Agent} would yield to a user-set one.
     */
    private void addOriginHeaders(HttpRequest.Builder builder, ExchangeRequest request) {
        if (authorizes(request)) {
            builder.header("Authorization", credentials.basicAuthorization());
        }
    }
}
