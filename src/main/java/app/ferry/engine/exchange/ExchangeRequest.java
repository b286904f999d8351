package app.ferry.engine.exchange;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a transfer asks for, before {@link RequestBuilder} adds what every request carries.
 *
 * @param method GET, PUT, POST, ...
 * @param uri where this request goes (after redirects: the current hop)
 * @param origin the address the user gave: credentials (and, later, the user's own headers and
 *     cookies) are sent only to its origin, and dropped on a redirect that leaves it
 * @param body the request body, or null for none; must be re-creatable, as a redirect or a
 *     retry sends it again
 * @param contentType the body's type, or null
 * @param rangeFirst first byte asked for, or -1 for the whole representation
 * @param rangeLast last byte asked for (inclusive), or -1 for "to the end"
 * @param ifRange the validator sent as {@code If-Range} with a range, or null
 * @param identityEncoding ask for the bytes as stored ({@code Accept-Encoding: identity}): a
 *     compressed body would make byte offsets meaningless
 * @param timeout how long to wait for the response headers, or null for the client's default
 * @param allowHttpsDowngrade follow a redirect from https to http
 * @param protocolHeaders headers the transfer's protocol needs on every hop (tus's {@code
 *     Tus-Resumable}, {@code Upload-Offset}), in order; not the place for the user's own headers,
 *     which belong to the origin (see {@link RequestBuilder})
 */
public record ExchangeRequest(String method, URI uri, URI origin, HttpRequest.BodyPublisher body, String contentType,
                              long rangeFirst, long rangeLast, String ifRange, boolean identityEncoding,
                              Duration timeout, boolean allowHttpsDowngrade, Map<String, String> protocolHeaders) {

    public ExchangeRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(origin, "origin");
        if (rangeFirst < -1 || rangeLast >= 0 && rangeLast < rangeFirst) {
            throw new IllegalArgumentException("not a byte range: " + rangeFirst + "-" + rangeLast);
        }
        // Kept in the order given: a copy that a caller cannot change afterwards.
        protocolHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(protocolHeaders));
    }

    /** A GET of the bytes as stored, from {@code uri}, on behalf of the address {@code origin}. */
    public static ExchangeRequest download(URI uri, URI origin) {
        return new ExchangeRequest("GET", uri, origin, null, null, -1, -1, null, true, null, false, Map.of());
    }

    /** A request of a protocol spoken over HTTP (tus): no body yet, bytes as the server chooses to send them. */
    public static ExchangeRequest of(String method, URI uri, URI origin) {
        return new ExchangeRequest(method, uri, origin, null, null, -1, -1, null, false, null, false, Map.of());
    }

    /** A request that sends {@code body} to {@code uri}. */
    public static ExchangeRequest upload(String method, URI uri, HttpRequest.BodyPublisher body, String contentType) {
        return of(method, uri, uri).body(body, contentType);
    }

    public ExchangeRequest body(HttpRequest.BodyPublisher publisher, String type) {
        return new ExchangeRequest(method, uri, origin, Objects.requireNonNull(publisher, "publisher"), type,
                rangeFirst, rangeLast, ifRange, identityEncoding, timeout, allowHttpsDowngrade, protocolHeaders);
    }

    /** Adds (or replaces) a header the protocol needs. */
    public ExchangeRequest protocolHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(protocolHeaders);
        headers.put(name, value);
        return new ExchangeRequest(method, uri, origin, body, contentType, rangeFirst, rangeLast, ifRange,
                identityEncoding, timeout, allowHttpsDowngrade, headers);
    }

    /**
     * Asks for bytes {@code first..last} ({@code last} -1: to the end), guarded by {@code
     * ifRange} (null: unguarded).
     */
    public ExchangeRequest range(long first, long last, String ifRange) {
        return new ExchangeRequest(method, uri, origin, body, contentType, first, last, ifRange, identityEncoding,
                timeout, allowHttpsDowngrade, protocolHeaders);
    }

    public ExchangeRequest timeout(Duration wait) {
        return new ExchangeRequest(method, uri, origin, body, contentType, rangeFirst, rangeLast, ifRange,
                identityEncoding, wait, allowHttpsDowngrade, protocolHeaders);
    }

    public ExchangeRequest allowHttpsDowngrade(boolean allow) {
        return new ExchangeRequest(method, uri, origin, body, contentType, rangeFirst, rangeLast, ifRange,
                identityEncoding, timeout, allow, protocolHeaders);
    }

    /** The same request, sent to the next hop of a redirect. */
    public ExchangeRequest redirectedTo(URI next) {
        return new ExchangeRequest(method, next, origin, body, contentType, rangeFirst, rangeLast, ifRange,
                identityEncoding, timeout, allowHttpsDowngrade, protocolHeaders);
    }

    public boolean hasRange() {
        return rangeFirst >= 0;
    }

    /** Where this request's bytes start: the first byte asked for, or 0. */
    public long offset() {
        return Math.max(0, rangeFirst);
    }

    /** "bytes 100-199" or "bytes 100-": how the range is named in messages. */
    public String describeRange() {
        return "bytes " + rangeFirst + "-" + (rangeLast >= 0 ? Long.toString(rangeLast) : "");
    }
}
