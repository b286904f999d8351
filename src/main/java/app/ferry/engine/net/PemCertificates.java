package app.ferry.engine.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads CA certificates from PEM files (a distribution's bundle, or a directory of one file per
 * CA as OpenSSL's {@code c_rehash} makes), each certificate once: a bundle and a directory usually
 * hold the same CAs, and parsing is what costs, so duplicates are dropped by their bytes first.
 */
final class PemCertificates {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";
    /** No CA file is this big (Debian's whole bundle is ~220 KB): larger ones are not read. */
    private static final long MAX_FILE_BYTES = 16L << 20;

    private final CertificateFactory factory;
    private final Set<ByteBuffer> seen = new HashSet<>();
    private final List<X509Certificate> certificates = new ArrayList<>();

    PemCertificates() {
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("This Java runtime cannot read X.509 certificates", e);
        }
    }

    /** Adds the certificates of one PEM file; text around them is ignored, as OpenSSL does. */
    void addFile(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + " is too large to be a CA certificate file");
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        for (int begin = text.indexOf(BEGIN); begin >= 0; begin = text.indexOf(BEGIN, begin + 1)) {
            int end = text.indexOf(END, begin);
            if (end < 0) {
                throw new IOException(file + " has a certificate without its END line");
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " has a certificate that is not valid base64", e);
            }
            if (seen.add(ByteBuffer.wrap(der))) {
                try {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                } catch (CertificateException e) {
                    throw new IOException(file + " has a certificate Java cannot read: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Adds every regular file of a directory that holds PEM certificates (others add nothing). */
    void addDirectory(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                if (Files.isRegularFile(file)) {
                    addFile(file);
                }
            }
        }
    }

    /** Adds certificates from elsewhere (Java's own, an OS store), also once each. */
    void add(X509Certificate certificate) {
        try {
            if (seen.add(ByteBuffer.wrap(certificate.getEncoded()))) {
                certificates.add(certificate);
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("A trusted certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    List<X509Certificate> certificates() {
        return List.copyOf(certificates);
    }
}
