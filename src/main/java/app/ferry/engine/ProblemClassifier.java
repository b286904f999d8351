package app.ferry.engine;

import app.ferry.engine.net.UntrustedCertificateException;
import app.ferry.engine.transfer.TransferFailure;
import app.ferry.engine.upload.TusException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Turns an exception into a {@link Problem}: the single place where Java's words ("closed",
 * "HTTP/1.1 header parser received no bytes", {@code CancellationException}, a bare path) become
 * Ferry's, and where it is decided whether waiting can help.
 *
 * <p>The JDK's HTTP client wraps what went wrong in new exceptions, often with the cause's
 * {@code toString()} as the message, so the whole cause chain is looked at, most specific first.
 */
public final class ProblemClassifier {

    private ProblemClassifier() {
    }

    /**
     * A failure outside a transfer (a rename, saving a file): the engine's code when it gave one,
     * a local file problem, and otherwise {@link Problem.Code#OTHER} with the exception's words;
     * never the network guesses {@link #classify} makes from words like "closed".
     */
    public static Problem local(Throwable error) {
        if (error instanceof InputRefused refused) {
            return refused.problem();
        }
        if (error instanceof InvalidUrlException invalid) {
            return invalid.problem();
        }
        if (error instanceof TransferFailure failure && failure.problem() != null) {
            return failure.problem();
        }
        Throwable cause = find(error, FileSystemException.class);
        if (cause != null) {
            return localFile((FileSystemException) cause);
        }
        String message = reason(error);
        return new Problem(Problem.Code.OTHER, List.of(error.getClass().getSimpleName(), message), message, false);
    }

    public static Problem classify(Throwable error) {
        Throwable cause;
        if (error instanceof TransferFailure failure) {
            boolean retryable = failure instanceof TransferFailure.Retryable;
            Problem coded = failure.problem();
            return coded == null ? Problem.stated(failure.getMessage(), retryable)
                    : new Problem(coded.code(), coded.args(), coded.english(), retryable, coded.cause());
        }
        // A saved request value the HTTP client cannot send (RequestBuilder), wherever it was thrown.
        if ((cause = find(error, InputRefused.class)) != null) {
            return ((InputRefused) cause).problem();
        }
        if ((cause = find(error, TusException.class)) != null && ((TusException) cause).problem() != null) {
            return ((TusException) cause).problem();
        }
        if ((cause = find(error, CertificateException.class)) != null) {
            return UntrustedCertificateException.problem((CertificateException) cause);
        }
        if ((cause = find(error, FileSystemException.class)) != null) {
            return localFile((FileSystemException) cause);
        }
        if ((cause = find(error, IdleTimeout.class)) != null) {
            String seconds = String.valueOf(((IdleTimeout) cause).seconds());
            return new Problem(Problem.Code.IDLE, List.of(seconds),
                    "the server sent nothing for " + seconds + " s, so Ferry dropped the connection to reconnect", true);
        }
        if ((cause = find(error, HttpConnectTimeoutException.class)) != null
                || (cause = find(error, HttpTimeoutException.class)) != null) {
            return new Problem(Problem.Code.TIMED_OUT, List.of(reason(cause)), "the server did not answer in time", true);
        }
        if ((cause = find(error, ConnectException.class)) != null
                || (cause = find(error, NoRouteToHostException.class)) != null
                || (cause = find(error, UnknownHostException.class)) != null) {
            String message = reason(cause);
            if (cause instanceof UnknownHostException) {
                return new Problem(Problem.Code.UNKNOWN_HOST, List.of(message), "could not find the server " + message
                        + " (check the address, or the network's name service)", true);
            }
            return new Problem(Problem.Code.CANNOT_CONNECT, List.of(message), "could not connect: " + message, true);
        }
        if ((cause = find(error, ProtocolException.class)) != null) {
            String details = reason(cause);
            return new Problem(Problem.Code.PROTOCOL, List.of(details),
                    "the server's answer is not valid HTTP (" + details + "). This is a fault of the server, not of the"
                            + " connection, and waiting will not fix it: tell the server's owner", false);
        }
        java.util.regex.Matcher length = lengthMismatch(error);
        if (length != null) {
            String announced = length.group(1);
            String received = length.group(2);
            if (announced.startsWith("-")) {
                return new Problem(Problem.Code.PROTOCOL, List.of("Content-Length: " + announced),
                        "the server's answer is not valid HTTP (Content-Length: " + announced + ", a negative length)."
                                + " This is a fault of the server, not of the connection, and waiting will not fix it:"
                                + " tell the server's owner", false);
            }
            return new Problem(Problem.Code.CONNECTION_CLOSED, List.of(received, announced),
                    "the connection was closed after " + received + " of the " + announced + " bytes the server announced",
                    true);
        }
        if (mentions(error, "received no bytes") || find(error, EOFException.class) != null) {
            return new Problem(Problem.Code.NO_ANSWER, List.of(),
                    "the server closed the connection without answering", true);
        }
        if (find(error, CancellationException.class) != null || find(error, ClosedChannelException.class) != null
                || mentions(error, "closed")) {
            return new Problem(Problem.Code.CONNECTION_CLOSED, List.of(),
                    "the connection was closed before the answer was complete", true);
        }
        if (error instanceof IOException) {
            String message = reason(error);
            // Resets, broken pipes and the like: the network's, so worth another attempt.
            return new Problem(Problem.Code.OTHER, List.of(error.getClass().getSimpleName(), message),
                    message, true);
        }
        String message = reason(error);
        return new Problem(Problem.Code.OTHER, List.of(error.getClass().getSimpleName(), message),
                "Internal error (" + error.getClass().getSimpleName() + ": " + message + "); please report it", false);
    }

    /**
     * A local file or folder Ferry cannot use: never retried, since the disk will look the same
     * after any wait. The JDK's message is often the bare path, so the kind of exception says why.
     */
    private static Problem localFile(FileSystemException e) {
        String path = e.getFile() == null ? "a file" : e.getFile();
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            why = "it does not exist (moved or deleted?)";
        } else if (e instanceof NotDirectoryException) {
            why = "it is not a folder";
        } else if (e instanceof FileAlreadyExistsException) {
            why = "something already exists there (a file where a folder is needed, or the other way round)";
        } else if (e.getReason() != null) {
            why = e.getReason().toLowerCase(Locale.ROOT);
        } else {
            why = e.getClass().getSimpleName();
        }
        String english = "cannot use " + path + ": " + why + ". Fix it (or choose another place), then resume";
        return new Problem(Problem.Code.LOCAL_FILE, List.of(path, why), english, false);
    }

    /** The outermost exception of {@code type} in the chain (the one wrapped with most context), or null. */
    private static Throwable find(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    /** The JDK's "fixed content-length: N, bytes received: M", which it hides behind a bare "closed". */
    private static java.util.regex.Matcher lengthMismatch(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                java.util.regex.Matcher m = LENGTH_MISMATCH.matcher(t.getMessage());
                if (m.find()) {
                    return m;
                }
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern LENGTH_MISMATCH =
            java.util.regex.Pattern.compile("fixed content-length: (-?\\d+), bytes received: (\\d+)");

    private static boolean mentions(Throwable error, String words) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(words)) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /**
     * What the idle watchdog's abort is reported as: closing a response's stream only makes the
     * reader see "closed", so the context that closed it says why with this.
     */
    public static final class IdleTimeout extends IOException {
        private final long seconds;

        public IdleTimeout(long seconds, Throwable cause) {
            super("no data for " + seconds + " s", cause);
            this.seconds = seconds;
        }

        public long seconds() {
            return seconds;
        }
    }
}
