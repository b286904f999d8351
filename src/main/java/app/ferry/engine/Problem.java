package app.ferry.engine;

import java.util.List;
import java.util.Objects;

/**
 * What went wrong, said for the person using Ferry: a stable {@code code} and its {@code args},
 * from which any front end can render the message in its own language, and the English rendering
 * ({@code english}: what happened, then what to do). Built by {@link ProblemClassifier}, the one
 * place that turns an exception into words, used by the engine (a task's failure and retry
 * messages) and by the command line alike.
 *
 * @param transientFault whether waiting can fix it (a dropped connection, a busy server); a
 *     problem the user has to fix (a folder where a file should be, a server that does not speak
 *     HTTP, a refused certificate) is not retried
 */
public record Problem(Code code, List<String> args, String english, boolean transientFault) {

    /** The kinds of problem; each names the arguments its message takes, in order. */
    public enum Code {
        /** (reason) the server did not answer within the connect or request timeout. */
        TIMED_OUT,
        /** (target, reason) nothing listens there, or the host is unreachable. */
        CANNOT_CONNECT,
        /** () the server closed the connection before sending any answer. */
        NO_ANSWER,
        /** () the connection was closed while an answer was being received. */
        CONNECTION_CLOSED,
        /** (seconds) nothing arrived for the idle timeout; Ferry reconnects. */
        IDLE,
        /** (details) the answer was not valid HTTP. */
        PROTOCOL,
        /** (path, reason) a local file or folder could not be used. */
        LOCAL_FILE,
        /** (reason) the server's certificate could not be verified. */
        UNTRUSTED_CERTIFICATE,
        /** (message) a fault already phrased for the user by the engine. */
        STATED,
        /** (type, message) anything else: named as it is, and reported. */
        OTHER
    }

    public Problem {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
        Objects.requireNonNull(english, "english");
    }
}
