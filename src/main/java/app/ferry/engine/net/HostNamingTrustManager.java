package app.ferry.engine.net;

import app.ferry.engine.Problem;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Java's trust manager (CA path and host name checks), whose refusals name the server: the JDK's
 * own message ("unable to find valid certification path to requested target") does not say which
 * host, and a download may have been redirected to another one. A refusal also says whether only
 * the host name was wrong (the CA is trusted: advice about adding a CA would mislead) and which
 * CA sources the user named could not be used.
 */
final class HostNamingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;
    private final List<Problem> unusableSources;

    HostNamingTrustManager(X509ExtendedTrustManager delegate, List<Problem> unusableSources) {
        this.delegate = delegate;
        this.unusableSources = List.copyOf(unusableSources);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw refused(engine == null ? null : engine.getPeerHost(), chain, authType, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            String host = socket == null || socket.getInetAddress() == null ? null : socket.getInetAddress().getHostName();
            throw refused(host, chain, authType, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw new UntrustedCertificateException(null, e, unusableSources, null);
        }
    }

    /**
     * The refusal, with the names the certificate is for when the chain itself is trusted (the
     * same check without the host name passes): then the address or the server is wrong, not the CAs.
     */
    private UntrustedCertificateException refused(String host, X509Certificate[] chain, String authType,
                                                  CertificateException e) {
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException | RuntimeException pathRefused) {
            return new UntrustedCertificateException(host, e, unusableSources, null);
        }
        return new UntrustedCertificateException(host, e, unusableSources, names(chain[0]));
    }

    /** The DNS names and IP addresses the certificate is for, else its subject. */
    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> name : certificate.getSubjectAlternativeNames()) {
                    // 2 = dNSName, 7 = iPAddress (RFC 5280 GeneralName).
                    if ((Integer.valueOf(2).equals(name.get(0)) || Integer.valueOf(7).equals(name.get(0)))
                            && name.get(1) instanceof String value) {
                        names.add(value);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // A certificate Java verified but whose names it cannot list: say its subject instead.
            names.clear();
        }
        if (names.isEmpty()) {
            names.add(certificate.getSubjectX500Principal().getName());
        }
        return names;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
