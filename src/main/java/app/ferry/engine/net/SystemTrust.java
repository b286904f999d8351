package app.ferry.engine.net;

import app.ferry.engine.Problem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The CA certificates Ferry trusts: Java's own, plus the operating system's, so that a CA added
 * the system way (a company CA, {@code update-ca-certificates}) is trusted as curl and browsers
 * trust it.
 *
 * <ul>
 *   <li>{@code SSL_CERT_FILE} (a PEM bundle) replaces the distribution's bundle, and each directory
 *       of {@code SSL_CERT_DIR} (separated by {@code :}, {@code ;} on Windows) adds its PEM files,
 *       as with OpenSSL and curl, on every system.</li>
 *   <li>Linux and other Unix: without {@code SSL_CERT_FILE}, the first bundle the distribution
 *       maintains ({@link #DISTRIBUTION_BUNDLES}, the list Go's crypto/x509 uses). Its certificate
 *       directory is not scanned: it holds the same CAs as the bundle.</li>
 *   <li>Windows: the {@code Windows-ROOT} store. macOS: the {@code KeychainStore} (and
 *       {@code KeychainStore-ROOT}, the system roots, where the JDK has it).</li>
 * </ul>
 *
 * A source that cannot be read is skipped: Java's own CAs still apply. One the user named
 * ({@code SSL_CERT_FILE}, {@code SSL_CERT_DIR}) is said in the message of a certificate that then
 * fails ({@link CaSources}), and by the command line as it starts; the system's own in the log.
 */
public final class SystemTrust {

    private static final System.Logger LOG = System.getLogger(SystemTrust.class.getName());

    /** Debian/Ubuntu/Arch, Fedora/RHEL, openSUSE, OpenELEC, CentOS/RHEL 7, Alpine. */
    static final List<Path> DISTRIBUTION_BUNDLES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),
            Path.of("/etc/ssl/ca-bundle.pem"),
            Path.of("/etc/pki/tls/cacert.pem"),
            Path.of("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem"),
            Path.of("/etc/ssl/cert.pem"));

    private SystemTrust() {
    }

    /** A TLS context trusting Java's CAs and the system's, as {@code environment} points to them. */
    public static SSLContext context(Map<String, String> environment) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int alias = 0;
            List<Problem> unusable = new ArrayList<>(CaSources.problems(environment));
            for (X509Certificate certificate : certificates(environment, unusable)) {
                store.setCertificateEntry("ca-" + alias++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509ExtendedTrustManager trust = null;
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    trust = extended;
                }
            }
            if (trust == null) {
                throw new IllegalStateException("This Java runtime has no X.509 trust manager: https cannot be used");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new HostNamingTrustManager(trust, List.copyOf(unusable))}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not set up TLS: " + e.getMessage(), e);
        }
    }

    /** Java's trusted CAs, then the system's, each once. */
    static List<X509Certificate> certificates(Map<String, String> environment) throws GeneralSecurityException {
        return certificates(environment, new ArrayList<>(CaSources.problems(environment)));
    }

    /**
     * @param unusable the variables' sources already found unusable (skipped); one that fails to
     *     parse is added to it
     */
    private static List<X509Certificate> certificates(Map<String, String> environment, List<Problem> unusable)
            throws GeneralSecurityException {
        PemCertificates all = new PemCertificates();
        TrustManagerFactory java = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        java.init((KeyStore) null);
        for (TrustManager manager : java.getTrustManagers()) {
            if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                for (X509Certificate certificate : x509.getAcceptedIssuers()) {
                    all.add(certificate);
                }
            }
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        addPemSources(all, environment, !os.startsWith("windows") && !os.startsWith("mac"), unusable);
        if (os.startsWith("windows")) {
            addStore(all, "Windows-ROOT");
        } else if (os.startsWith("mac")) {
            addStore(all, "KeychainStore");
            addStore(all, "KeychainStore-ROOT");
        }
        return all.certificates();
    }

    private static void addPemSources(PemCertificates all, Map<String, String> environment, boolean unix,
                                      List<Problem> unusable) {
        String file = environment.get(CaSources.FILE);
        if (file != null && !file.isBlank()) {
            if (!named(unusable, file)) {
                try {
                    all.addFile(Path.of(file));
                } catch (IOException | RuntimeException e) {
                    unusable.add(CaSources.unusable(CaSources.FILE, file, "damaged"));
                }
            }
        } else if (unix) {
            DISTRIBUTION_BUNDLES.stream().filter(Files::isRegularFile).findFirst().ifPresent(bundle -> {
                try {
                    all.addFile(bundle);
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not read the system's CA bundle " + bundle + ": " + e.getMessage());
                }
            });
        }
        String dirs = environment.get(CaSources.DIR);
        if (dirs != null && !dirs.isBlank()) {
            for (String dir : dirs.split(File.pathSeparator)) {
                if (!dir.isBlank() && !named(unusable, dir)) {
                    try {
                        all.addDirectory(Path.of(dir));
                    } catch (IOException | RuntimeException e) {
                        unusable.add(CaSources.unusable(CaSources.DIR, dir, "damaged"));
                    }
                }
            }
        }
    }

    private static boolean named(List<Problem> unusable, String path) {
        return unusable.stream().anyMatch(p -> p.args().get(1).equals(path));
    }

    /** Adds the certificates of an OS key store; a store this JDK lacks is skipped. */
    private static void addStore(PemCertificates all, String type) {
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            List<String> aliases = new ArrayList<>(Collections.list(store.aliases()));
            for (String alias : aliases) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    all.add(x509);
                }
            }
        } catch (GeneralSecurityException | IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not read the system's " + type + " certificates: " + e.getMessage());
        }
    }
}
