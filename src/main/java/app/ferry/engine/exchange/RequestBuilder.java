package app.ferry.engine.exchange;

import app.ferry.engine.Credentials;
import app.ferry.engine.FerryBuild;
import app.ferry.engine.http.RangeRequest;
import app.ferry.engine.request.Header;
import app.ferry.engine.request.RequestOptions;
import app.ferry.engine.transfer.Redirects;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what a transfer asks for into the request that goes on the wire, the same way for
 * every transfer and every hop (OkHttp's {@code BridgeInterceptor}): the one place that decides
 * which headers a request carries.
 */
public final class RequestBuilder {

    private final Credentials credentials;
    private final RequestOptions options;
    private final Clock clock;

    /** @param credentials the task's user and password, or null; sent only to the request's origin */
    public RequestBuilder(Credentials credentials) {
        this(credentials, RequestOptions.NONE, Clock.systemUTC());
    }

    /**
     * @param credentials the task's user and password, or null; sent only to the request's origin
     * @param options the task's own headers, cookies, Referer and User-Agent
     */
    public RequestBuilder(Credentials credentials, RequestOptions options) {
        this(credentials, options, Clock.systemUTC());
    }

    /** @param clock decides which cookies have expired */
    public RequestBuilder(Credentials credentials, RequestOptions options, Clock clock) {
        this.credentials = credentials;
        this.options = options == null ? RequestOptions.NONE : options;
        this.clock = clock;
    }

    public HttpRequest build(ExchangeRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri());
        // GET() and HEAD(), not method(name, noBody()): with the latter the JDK client sends
        // "Content-Length: 0" on every GET, which no browser or curl does.
        switch (request.body() != null ? "" : request.method()) {
            case "GET" -> builder.GET();
            case "HEAD" -> builder.HEAD();
            default -> builder.method(request.method(),
                    request.body() != null ? request.body() : HttpRequest.BodyPublishers.noBody());
        }
        if (request.timeout() != null) {
            builder.timeout(request.timeout());
        }
        // Every hop, like curl's -A: a server that checks it checks it after a redirect too.
        builder.header("User-Agent", sendable("User-Agent",
                options.userAgent() != null ? options.userAgent() : FerryBuild.userAgent()));
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

    /** True when this request carries the task's credentials (not replaced by the user's own Authorization header). */
    public boolean authorizes(ExchangeRequest request) {
        return credentials != null && atOrigin(request) && !ownHeader("Authorization");
    }

    /**
     * What the user gave for one origin, dropped as soon as a redirect leaves it (the JDK client
     * and browsers do the same): the credentials, the user's own headers, a {@code Referer}, and
     * the cookies that match this hop's URL (domain, path, secure, expiry). A user's header of
     * a name the builder already set (Accept, Content-Type) replaces it; one given twice is sent
     * twice, as curl does.
     */
    private void addOriginHeaders(HttpRequest.Builder builder, ExchangeRequest request) {
        if (!atOrigin(request)) {
            return;
        }
        if (authorizes(request)) {
            builder.header("Authorization", credentials.basicAuthorization());
        }
        if (options.referer() != null) {
            builder.setHeader("Referer", sendable("Referer", options.referer()));
        }
        Set<String> set = new HashSet<>();
        for (Header header : options.headers()) {
            if (set.add(header.name().toLowerCase(Locale.ROOT))) {
                builder.setHeader(header.name(), sendable(header.name(), header.value()));
            } else {
                builder.header(header.name(), sendable(header.name(), header.value()));
            }
        }
        String cookies = options.cookieHeader(request.uri(), clock.instant().getEpochSecond());
        if (cookies != null) {
            builder.setHeader("Cookie", sendable("Cookie", cookies));
        }
    }

    /**
     * The value, unless the JDK client would throw on it, quoting it (a token) in its message:
     * input is checked before, but a task saved by an earlier version may hold such a value.
     */
    private static String sendable(String name, String value) {
        Header.requireClientCanSend(name, value);
        return value;
    }

    private boolean ownHeader(String name) {
        return options.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
    }
}
