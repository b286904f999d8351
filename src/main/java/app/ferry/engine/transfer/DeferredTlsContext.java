package app.ferry.engine.transfer;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A TLS context that builds the real one when the first TLS connection needs it.
 *
 * <p>The JDK's {@code HttpClient} asks its context for default parameters as it is built, and the
 * default context answers by loading and parsing every trusted CA certificate: ~90 ms on the
 * path from start to first request, paid by runs that fetch only http:// URLs and by the window
 * as it opens. Built with this context and {@link #inheritedParameters()}, the client defers that
 * to its first https connection. Every engine it hands out comes from the real context, with the
 * real context's defaults (protocols, cipher suites, named groups) and the client's own settings
 * (endpoint identification, SNI, ALPN) on top, so a connection is the same as with the real
 * context given directly.
 */
public final class DeferredTlsContext extends SSLContext {

    /** A context deferring the JDK default one. */
    public DeferredTlsContext() {
        this(DeferredTlsContext::jdkDefault);
    }

    /** A context deferring {@code real}, asked at most once. */
    public DeferredTlsContext(Supplier<SSLContext> real) {
        super(new Spi(real), null, "TLS");
    }

    /**
     * Client parameters that leave every TLS setting to the context's engines: no protocols, no
     * cipher suites (null means "keep the engine's"). HTTP/1.1 only: the client offers h2 only
     * when these name TLSv1.2 or later.
     */
    public static SSLParameters inheritedParameters() {
        return new SSLParameters();
    }

    private static SSLContext jdkDefault() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime offers no TLS: https cannot be used", e);
        }
    }

    private static final class Spi extends SSLContextSpi {
        private final Supplier<SSLContext> supplier;
        private volatile SSLContext real;

        Spi(Supplier<SSLContext> supplier) {
            this.supplier = Objects.requireNonNull(supplier, "supplier");
        }

        private SSLContext real() {
            SSLContext context = real;
            if (context == null) {
                synchronized (this) {
                    context = real;
                    if (context == null) {
                        context = Objects.requireNonNull(supplier.get(), "the TLS context supplier gave null");
                        real = context;
                    }
                }
            }
            return context;
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("A deferred TLS context is initialised by its supplier");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }
}
