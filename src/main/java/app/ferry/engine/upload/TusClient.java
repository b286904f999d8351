package app.ferry.engine.upload;

import app.ferry.engine.exchange.ExchangeRequest;
import app.ferry.engine.exchange.RequestBuilder;
import app.ferry.engine.transfer.HttpSender;
import app.ferry.engine.transfer.Phrases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * A client for the tus resumable upload protocol 1.0.0: the core protocol (HEAD, PATCH) and the
 * creation extension (POST). Stateless apart from the HTTP client it is given; the engine keeps
 * the upload URL, the {@link FileFingerprint} and the offset.
 *
 * <p>All methods block: call them from a worker (virtual) thread; interrupting it aborts the
 * exchange.
 */
public final class TusClient {

    public static final String TUS_VERSION = "1.0.0";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    /** Asked at each request: the queue's client may be replaced between two chunks (a proxy change). */
    private final HttpSender http;
    private final UnaryOperator<HttpRequest.BodyPublisher> bodies;
    private final RequestBuilder requests;
    /** The creation endpoint the user named: credentials go to its origin only. Null: each request's own. */
    private final URI origin;

    public TusClient(HttpClient http) {
        this(http::sendAsync, UnaryOperator.identity(), new RequestBuilder(null), null);
    }

    /**
     * @param http starts each request on the client of the moment
     * @param bodies wraps each PATCH body, e.g. to apply the engine's upload rate limits
     * @param requests builds every request, as for every other transfer
     * @param origin the creation endpoint the user named, or null
     */
    public TusClient(HttpSender http, UnaryOperator<HttpRequest.BodyPublisher> bodies, RequestBuilder requests,
                     URI origin) {
        this.http = Objects.requireNonNull(http, "http");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.origin = origin;
    }

    private ExchangeRequest request(String method, URI uri) {
        return ExchangeRequest.of(method, uri, origin != null ? origin : uri).protocolHeader("Tus-Resumable", TUS_VERSION);
    }

    /**
     * Creates an upload of {@code length} bytes and returns its absolute URL.
     *
     * @param metadata sent as {@code Upload-Metadata}, values base64-encoded from UTF-8; keys must be
     *     non-empty ASCII without spaces or commas (the header's separators)
     */
    public URI create(URI endpoint, long length, Map<String, String> metadata)
            throws IOException, InterruptedException {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        ExchangeRequest request = request("POST", endpoint)
                .protocolHeader("Upload-Length", Long.toString(length))
                .body(HttpRequest.BodyPublishers.noBody(), null);
        if (!metadata.isEmpty()) {
            request = request.protocolHeader("Upload-Metadata", encodeMetadata(metadata));
        }
        HttpResponse<Void> response = send(requests.build(request), HttpResponse.BodyHandlers.discarding());
        expectStatus(response, "POST", 201);
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> protocolError(response, "POST", "no Location header"));
        // tus-java-server (and others) answer with a path: resolve it against the URL that answered.
        return response.uri().resolve(location);
    }

    /** The number of bytes the server has of this upload (HEAD, {@code Upload-Offset}). */
    public long offset(URI upload) throws IOException, InterruptedException {
        HttpResponse<Void> response = send(requests.build(request("HEAD", upload)),
                HttpResponse.BodyHandlers.discarding());
        expectStatus(response, "HEAD", 200, 204);
        return uploadOffset(response, "HEAD");
    }

    /**
     * Sends bytes {@code offset..offset+length} of {@code file} to the upload at that offset and
     * returns the server's new offset, which must be {@code offset + length}: anything else means
     * the server kept something other than what was sent, and the caller should ask
     * {@link #offset} before going on.
     *
     * @throws TusException 409 if the server's offset is not {@code offset}; {@link
     *     TusException#isExpired()} if the upload is gone
     * @throws FileChangedException (in the cause chain) if the file changes size while it is sent
     */
    public long patch(URI upload, Path file, long offset, long length, LongConsumer bytesSent)
            throws IOException, InterruptedException {
        return patch(upload, file, offset, length, bytesSent, BodyEnd.NONE);
    }

    /**
     * As {@link #patch(URI, Path, long, long, LongConsumer)}; {@code end} hears when the chunk was
     * handed over whole, and the caller clears what it shows then once this returns.
     */
    public long patch(URI upload, Path file, long offset, long length, LongConsumer bytesSent, BodyEnd end)
            throws IOException, InterruptedException {
        FileBodyPublisher body = FileBodyPublisher.ofRegion(file, offset, length, bytesSent, end);
        ExchangeRequest request = request("PATCH", upload)
                .protocolHeader("Upload-Offset", Long.toString(offset))
                .body(bodies.apply(body), OFFSET_OCTET_STREAM);
        HttpResponse<Void> response = send(requests.build(request), HttpResponse.BodyHandlers.discarding());
        expectStatus(response, "PATCH", 204, 200);
        long newOffset = uploadOffset(response, "PATCH");
        if (newOffset != offset + length) {
            throw protocolError(response, "PATCH", "server is at offset " + newOffset + " after receiving "
                    + length + " bytes at " + offset + ", expected " + (offset + length));
        }
        return newOffset;
    }

    /**
     * Sends and waits, as {@link HttpClient#send} does: an interrupt (a pause) cancels the exchange;
     * what the client failed with is thrown as it is, so a proxy's refusal keeps its message.
     */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> sent = http.sendAsync(request, handler);
        try {
            return sent.get();
        } catch (InterruptedException e) {
            sent.cancel(true);
            throw e;
        } catch (CancellationException e) {
            throw new java.io.InterruptedIOException("The request was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    static String encodeMetadata(Map<String, String> metadata) {
        StringJoiner header = new StringJoiner(",");
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String key = entry.getKey();
            if (key.isEmpty() || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ',')) {
                throw new IllegalArgumentException("tus metadata key must be non-empty ASCII without spaces"
                        + " or commas: \"" + key + "\"");
            }
            String value = entry.getValue();
            // The protocol lets an empty value go without the separating space.
            header.add(value.isEmpty() ? key
                    : key + " " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        return header.toString();
    }

    private static long uploadOffset(HttpResponse<?> response, String method) throws TusException {
        String value = response.headers().firstValue("Upload-Offset")
                .orElseThrow(() -> protocolError(response, method, "no Upload-Offset header"));
        try {
            long offset = Long.parseLong(value.strip());
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            throw protocolError(response, method, "Upload-Offset is not a number: \"" + value + "\"");
        }
        throw protocolError(response, method, "Upload-Offset is negative: " + value);
    }

    private static void expectStatus(HttpResponse<?> response, String method, int... expected) throws TusException {
        for (int status : expected) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new TusException(Phrases.tusFailed(method, response.request().uri(), response.statusCode(),
                "tus " + method + " " + response.request().uri() + " failed: " + statusLine(response)),
                response.statusCode());
    }

    private static TusException protocolError(HttpResponse<?> response, String method, String problem) {
        return new TusException(Phrases.tusProtocol(method, response.request().uri(), response.statusCode(),
                "tus " + method + " " + response.request().uri() + ": " + problem + " (" + statusLine(response) + ")"),
                response.statusCode());
    }

    /** The JDK client does not expose the reason phrase, so name the statuses tus servers use. */
    private static String statusLine(HttpResponse<?> response) {
        String version = response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
        int status = response.statusCode();
        String reason = switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 460 -> "Checksum Mismatch";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "";
        };
        return (version + " " + status + " " + reason).strip();
    }
}
