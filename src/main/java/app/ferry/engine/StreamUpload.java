package app.ferry.engine;

import app.ferry.engine.exchange.ExchangeRequest;
import app.ferry.engine.exchange.RequestBuilder;
import app.ferry.engine.request.RequestOptions;
import app.ferry.engine.net.NetworkSettings;
import app.ferry.engine.transfer.DeferredTlsContext;
import app.ferry.engine.transfer.ResponseBodies;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Uploads a stream of unknown length (standard input) with chunked transfer encoding: the
 * original design's upload "from data". Such a body cannot be read twice, so it is sent once,
 * outside the queue: no retry, no resume, and the caller says so.
 */
public final class StreamUpload {

    private StreamUpload() {
    }

    /** Through {@code network}'s proxies and with its CA certificates, as the queue's transfers go. */
    public static ResponseInfo send(NetworkSettings network, URI url, String method, String contentType, Credentials credentials,
                                    InputStream body, LongConsumer bytesSent) throws IOException, InterruptedException {
        return send(network, url, method, contentType, credentials, RequestOptions.NONE, body, bytesSent);
    }

    /** @param options the user's headers, cookies, Referer and User-Agent, applied as for every task */
    public static ResponseInfo send(NetworkSettings network, URI url, String method, String contentType,
                                    Credentials credentials, RequestOptions options, InputStream body,
                                    LongConsumer bytesSent) throws IOException, InterruptedException {
        HttpRequest request = new RequestBuilder(credentials, options).build(ExchangeRequest.upload(method, url,
                HttpRequest.BodyPublishers.ofInputStream(() -> new CountingInputStream(body, bytesSent)), contentType));
        try (HttpClient http = network.client(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(new DeferredTlsContext(network::tls))
                .sslParameters(DeferredTlsContext.inheritedParameters())
                .connectTimeout(Duration.ofSeconds(30)))) {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return ResponseBodies.read(response);
        }
    }

    private static final class CountingInputStream extends InputStream {
        private final InputStream in;
        private final LongConsumer counter;

        CountingInputStream(InputStream in, LongConsumer counter) {
            this.in = in;
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counter.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counter.accept(n);
            }
            return n;
        }
    }
}
