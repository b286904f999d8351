package app.ferry.engine.net;

import app.ferry.engine.Problem;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;
import java.util.Locale;

/**
 * A server certificate that failed verification, with the host it came from. {@link #advice}
 * turns any such failure into what to tell the user: which host, why, and how to add a CA.
 */
public final class UntrustedCertificateException extends CertificateException {

    private final String host;
    /** The CA sources the user named that could not be used (so their CAs are not trusted). */
    private final transient List<Problem> unusableSources;
    /** The names the certificate is for, when its CA is trusted and only the host name is wrong; else null. */
    private final List<String> names;

    UntrustedCertificateException(String host, CertificateException cause, List<Problem> unusableSources,
                                  List<String> names) {
        super((host == null ? "" : host + ": ") + (names == null ? reason(cause)
                : "the certificate is for " + String.join(", ", names) + ", not for " + host), cause);
        this.host = host;
        this.unusableSources = List.copyOf(unusableSources);
        this.names = names == null ? null : List.copyOf(names);
    }

    /**
     * What to tell the user about a refused certificate: a certificate for another name (the CA is
     * trusted, so no CA advice), a CA source the user named that could not be used, or how to make
     * a private or company CA trusted.
     */
    public static Problem problem(CertificateException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        UntrustedCertificateException named = null;
        for (Throwable t = e; t != null && named == null; t = t.getCause()) {
            if (t instanceof UntrustedCertificateException u) {
                named = u;
            }
        }
        if (named != null && named.names != null) {
            String host = named.host == null ? "this server" : named.host;
            String names = String.join(", ", named.names);
            return new Problem(Problem.Code.CERTIFICATE_WRONG_HOST, List.of(host, names), "The server's TLS certificate"
                    + " is not for " + host + " but for " + names + ": the address is wrong (use one of those names),"
                    + " or the server is misconfigured (tell its owner). Ferry does not download from it: the"
                    + " connection may be intercepted.", false);
        }
        if (named != null && !named.unusableSources.isEmpty()) {
            Problem source = named.unusableSources.getFirst();
            String variable = source.args().get(0);
            String path = source.args().get(1);
            String fault = source.args().get(2);
            return new Problem(Problem.Code.UNTRUSTED_CA_SOURCE_UNUSABLE, List.of(why, variable, path, fault),
                    "The server's TLS certificate could not be verified (" + why + "). " + variable + " is " + path
                            + ", which cannot be used (" + CaSources.why(fault) + "), so the CAs it should add are not"
                            + " trusted: " + (variable.equals(CaSources.FILE)
                            ? "point it at a PEM bundle that has the server's CA, or unset it to use the system's CA"
                            + " certificates." : "point it at folders of PEM files that have the server's CA, or unset it."),
                    false);
        }
        return new Problem(Problem.Code.UNTRUSTED_CERTIFICATE, List.of(why), advice(e), false);
    }

    /** The server's host name (or IP address) as the client asked for it; null when unknown. */
    public String host() {
        return host;
    }

    /**
     * The message for a certificate that could not be verified: the host when known, why, and how
     * to make a private or company CA trusted on this system.
     */
    public static String advice(CertificateException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "The server's TLS certificate could not be verified (" + why + "). Ferry does not download from"
                + " a server it cannot verify: the connection may be intercepted. If the server is yours or uses a"
                + " company CA, add that CA to the system's CA certificates (" + systemWay() + "), point"
                + " SSL_CERT_FILE at a PEM bundle that has it, or add your CA to Java's trust store.";
    }

    private static String systemWay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "import it into Trusted Root Certification Authorities with certmgr.msc or certutil -addstore Root";
        }
        if (os.startsWith("mac")) {
            return "add it to the System keychain in Keychain Access and mark it trusted, or"
                    + " security add-trusted-cert -d -k /Library/Keychains/System.keychain CA.crt";
        }
        return "Debian/Ubuntu: copy it as a .crt file into /usr/local/share/ca-certificates/ and run sudo"
                + " update-ca-certificates; Fedora/RHEL: into /etc/pki/ca-trust/source/anchors/ and run sudo"
                + " update-ca-trust";
    }

    /** A short reason: the JDK's words for a missing CA name internal classes. */
    private static String reason(CertificateException cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return "the certificate has expired (" + t.getMessage() + ")";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "the certificate is not valid yet (" + t.getMessage() + ")";
            }
            if (t instanceof CertPathValidatorException validator && validator.getReason() != null
                    && validator.getReason() != CertPathValidatorException.BasicReason.UNSPECIFIED) {
                return "its certification path is invalid: " + validator.getMessage();
            }
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (message.contains("unable to find valid certification path") || message.startsWith("PKIX path building failed")) {
            return "it is not signed by a certificate authority that Ferry trusts";
        }
        return message.isEmpty() ? cause.getClass().getSimpleName() : message;
    }
}
