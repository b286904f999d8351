package app.ferry.engine;

import app.ferry.engine.transfer.DeferredTlsContext;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;

/**
 * Builds the one {@link HttpClient} a queue's transfers share. The single place where client-wide
 * options are set, so that proxies or TLS settings added later land here and nowhere else.
 */
final class HttpClientFactory {

    private HttpClientFactory() {
    }

    static HttpClient create(EngineConfig config, SSLContext tls) {
        // Proxies (routes, credentials, a 407's message) are added by the network settings, which
        // build the client from this builder.
        return config.network().client(HttpClient.newBuilder()
                // Redirects are followed by the transfers themselves: they record the final URL,
                // count hops and decide where credentials may go (docs/decisions/0003).
                .followRedirects(HttpClient.Redirect.NEVER)
                // One TCP connection per transfer (and per segment): HTTP/2 would multiplex them
                // onto one and share one congestion window (docs/decisions/0002).
                .version(HttpClient.Version.HTTP_1_1)
                // The real TLS context is built at the first https connection, not here.
                .sslContext(tls)
                .sslParameters(DeferredTlsContext.inheritedParameters())
                .connectTimeout(config.connectTimeout()));
    }
}
