package app.ferry.engine.net;

import app.ferry.engine.Problem;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CA certificate files the user named with {@code SSL_CERT_FILE} and {@code SSL_CERT_DIR},
 * and what makes one unusable, said as a {@link Problem}: a wrong variable silently took away the
 * CAs it was meant to add (and a broken {@code SSL_CERT_FILE} also the distribution's bundle it
 * replaces), so the user hears of it at the start of a command line run and in the message of any
 * certificate that then fails. Cheap: it looks for a PEM certificate's first line, parsing nothing.
 */
final class CaSources {

    static final String FILE = "SSL_CERT_FILE";
    static final String DIR = "SSL_CERT_DIR";
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    /** A bundle's first certificate is near its start; a text file without one in 1 MiB has none worth looking for. */
    private static final int SCAN_BYTES = 1 << 20;

    private CaSources() {
    }

    /** Why each variable that is set cannot be used; empty when all are fine or none is set. */
    static List<Problem> problems(Map<String, String> environment) {
        List<Problem> problems = new ArrayList<>();
        String file = environment.get(FILE);
        if (file != null && !file.isBlank()) {
            String fault = fileFault(Path.of(file));
            if (fault != null) {
                problems.add(unusable(FILE, file, fault));
            }
        }
        String dirs = environment.get(DIR);
        if (dirs != null && !dirs.isBlank()) {
            for (String dir : dirs.split(File.pathSeparator)) {
                String fault = dir.isBlank() ? null : directoryFault(Path.of(dir));
                if (fault != null) {
                    problems.add(unusable(DIR, dir, fault));
                }
            }
        }
        return problems;
    }

    /** {@code variable} names {@code path}, which cannot be used for {@code fault} (a word of {@link Problem.Code#CA_SOURCE_UNUSABLE}). */
    static Problem unusable(String variable, String path, String fault) {
        return new Problem(Problem.Code.CA_SOURCE_UNUSABLE, List.of(variable, path, fault), variable + " is " + path
                + ", which cannot be used: " + why(fault) + ". " + (variable.equals(FILE)
                ? "Point it at a PEM bundle of CA certificates, or unset it to use the system's"
                : "Point it at folders of PEM certificate files, or unset it"), false);
    }

    /** The fault in English, for the command line. */
    static String why(String fault) {
        return switch (fault) {
            case "missing" -> "there is no such file or folder";
            case "folder" -> "it is a folder, not a file (use SSL_CERT_DIR for a folder)";
            case "notFolder" -> "it is not a folder";
            case "unreadable" -> "it cannot be read (permission denied)";
            case "noCertificates" -> "there are no PEM certificates (-----BEGIN CERTIFICATE-----) in it";
            case "damaged" -> "a certificate in it is damaged";
            default -> fault;
        };
    }

    private static String fileFault(Path file) {
        if (!Files.exists(file)) {
            return "missing";
        }
        if (Files.isDirectory(file)) {
            return "folder";
        }
        if (!Files.isReadable(file)) {
            return "unreadable";
        }
        try {
            return holdsCertificate(file) ? null : "noCertificates";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String directoryFault(Path directory) {
        if (!Files.exists(directory)) {
            return "missing";
        }
        if (!Files.isDirectory(directory)) {
            return "notFolder";
        }
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && Files.isReadable(file) && holdsCertificate(file)) {
                    return null;
                }
            }
            return "noCertificates";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static boolean holdsCertificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(SCAN_BYTES), StandardCharsets.ISO_8859_1).contains(BEGIN);
        }
    }
}
