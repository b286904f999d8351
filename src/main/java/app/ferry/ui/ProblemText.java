package app.ferry.ui;

import app.ferry.engine.HistoryEvent;
import app.ferry.engine.Problem;
import app.ferry.engine.ProblemClassifier;
import app.ferry.engine.TaskRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's words in the window's language: a {@link Problem}'s code and arguments rendered
 * from the bundle ({@code problem.CODE}), wherever the window shows why a task failed or waits,
 * and what its history says. Words the engine has only in English ({@link Problem.Code#STATED},
 * {@link Problem.Code#OTHER}, records of earlier versions) are shown as they are. Pure, so it is
 * tested without the toolkit.
 */
public final class ProblemText {

    /** HTTP reason phrases the bundles translate ({@code http.404}); others show the number only. */
    private static final List<Integer> KNOWN_STATUSES = List.of(400, 401, 403, 404, 405, 407, 408, 409, 410, 413, 416, 431,
            429, 500, 501, 502, 503, 504);

    /** The JDK's and the engine's words for a local file problem, by their bundle key. */
    private static final Map<String, String> LOCAL_REASONS = Map.of(
            "permission denied", "problem.local.denied",
            "it does not exist (moved or deleted?)", "problem.local.missing",
            "it is not a folder", "problem.local.notFolder",
            "not a directory", "problem.local.notFolder",
            "is a directory", "problem.local.isFolder",
            "it is a folder", "problem.local.isFolder",
            "something already exists there (a file where a folder is needed, or the other way round)",
            "problem.local.exists",
            "no space left on device", "problem.local.full",
            "read-only file system", "problem.local.readOnly");

    private final I18n i18n;

    public ProblemText(I18n i18n) {
        this.i18n = i18n;
    }

    /** Why the task is in its state (failed, waiting for a password), or "" when nothing is said. */
    public String reason(TaskRecord record) {
        if (record.problem() != null) {
            return of(record.problem());
        }
        return record.message() == null ? "" : record.message();
    }

    /** What a history event says, or "" when it says nothing beyond its kind. */
    public String event(HistoryEvent event) {
        if (event.words() != null) {
            return of(event.words());
        }
        return event.text() == null ? "" : event.text();
    }

    /**
     * Why an engine call or a file operation failed, in the window's language: the engine's code
     * when it gave one, a local file problem as its reason alone ("permission denied"), and
     * otherwise the exception's own words, kept as data.
     */
    public String why(Throwable error) {
        Problem problem = ProblemClassifier.local(error);
        return problem.code() == Problem.Code.LOCAL_FILE ? localReason(arg(problem.args(), 1)) : of(problem);
    }

    /** As {@link #why}, naming the file of a local file problem: "/d/a.iso: permission denied". */
    public String file(Throwable error) {
        Problem problem = ProblemClassifier.local(error);
        return problem.code() == Problem.Code.LOCAL_FILE
                ? i18n.get("problem.fileReason", arg(problem.args(), 0), localReason(arg(problem.args(), 1))) : of(problem);
    }

    /** "HTTP 404 Not Found" in the window's language; the number alone for a status it has no words for. */
    public String status(int status) {
        return KNOWN_STATUSES.contains(status) ? i18n.get("http.status", status, i18n.get("http." + status))
                : i18n.get("http.statusOnly", status);
    }

    /** One problem, in the window's language. */
    public String of(Problem problem) {
        List<String> a = problem.args();
        return switch (problem.code()) {
            case STATED, OTHER -> problem.english();
            case HTTP_STATUS -> i18n.get("problem.HTTP_STATUS", status(number(a, 0)), arg(a, 1), excerpt(arg(a, 2)));
            case NOT_FOUND, REDIRECTED_WITH_BODY, UPLOADED, REDIRECT_WITHOUT_LOCATION, UPLOAD_EXPIRED ->
                    key(problem, status(number(a, 0)), arg(a, 1));
            case UPLOAD_REDIRECTED, CONFLICTING_LENGTH -> key(problem, status(number(a, 0)), arg(a, 1), arg(a, 2));
            case TUS_FAILED, TUS_PROTOCOL -> key(problem, arg(a, 0), arg(a, 1), status(number(a, 2)));
            case SEGMENT_STATUS -> key(problem, status(number(a, 0)), arg(a, 1), arg(a, 2), arg(a, 3));
            case RESTARTED_TOO_OFTEN -> key(problem, arg(a, 0), cause(problem));
            case RANGES_WRONG, RESUME_RANGE_WRONG -> key(problem, cause(problem));
            case JOURNAL_COPY_KEPT -> key(problem, arg(a, 0), cause(problem));
            case TOO_MUCH_DATA -> key(problem, bytes(a, 0));
            case UPLOAD_OFFSET_BEYOND -> key(problem, bytes(a, 0), bytes(a, 1));
            case LINK_EXPIRED -> key(problem, status(number(a, 0)), arg(a, 1), arg(a, 2));
            case CREDENTIALS_NEEDED -> i18n.get("problem.CREDENTIALS_NEEDED", realm(arg(a, 0)));
            case CREDENTIALS_REFUSED -> i18n.get("problem.CREDENTIALS_REFUSED", realm(arg(a, 0)), arg(a, 1));
            case AUTHORIZATION_REFUSED -> key(problem, realm(arg(a, 0)));
            case CONNECTION_CLOSED -> a.size() >= 2
                    ? i18n.get("problem.CONNECTION_CLOSED.at", bytes(a, 0), bytes(a, 1))
                    : i18n.get("problem.CONNECTION_CLOSED");
            case LOCAL_FILE -> i18n.get("problem.LOCAL_FILE", arg(a, 0), localReason(arg(a, 1)));
            case GAVE_UP -> i18n.get("problem.GAVE_UP", arg(a, 0), cause(problem),
                    i18n.get(serverFault(problem.cause()) ? "problem.advice.server" : "problem.advice.connection"));
            case NOT_RETRIED -> i18n.get("problem.NOT_RETRIED", cause(problem));
            case RETRYING -> i18n.get("problem.RETRYING", arg(a, 0), cause(problem), seconds(a, 1));
            case PAUSED, RESUMED -> key(problem, bytes(a, 0));
            case HEADER_LINE -> key(problem, arg(a, 0), cause(problem));
            case PROXY_INVALID -> key(problem, arg(a, 0), arg(a, 1), i18n.get("problem.PROXY_INVALID." + arg(a, 2)));
            case RESUMED_SEGMENTED -> key(problem, bytes(a, 0), bytes(a, 1), arg(a, 2));
            // Issue 13's network failures: a fault word or an empty variable picks the words.
            case PROXY_UNREACHABLE -> i18n.get(arg(a, 1).isEmpty() ? "problem.PROXY_UNREACHABLE.setting"
                    : "problem.PROXY_UNREACHABLE", arg(a, 0), arg(a, 1), i18n.get("problem.PROXY_UNREACHABLE." + arg(a, 2)));
            case PROXY_NOT_TUNNELING -> i18n.get(arg(a, 2).isEmpty() ? "problem.PROXY_NOT_TUNNELING.setting"
                    : "problem.PROXY_NOT_TUNNELING", arg(a, 0), status(number(a, 1)), arg(a, 2));
            case PROXY_TUNNEL_REFUSED, PROXY_TUNNEL_FAILED -> key(problem, arg(a, 0), arg(a, 1), status(number(a, 2)));
            case CA_SOURCE_UNUSABLE -> key(problem, arg(a, 0), arg(a, 1), i18n.get("problem.CA_SOURCE_UNUSABLE." + arg(a, 2)));
            case UNTRUSTED_CA_SOURCE_UNUSABLE -> key(problem, arg(a, 0), arg(a, 1), arg(a, 2),
                    i18n.get("problem.CA_SOURCE_UNUSABLE." + arg(a, 3)));
            case DOWNLOAD_REFUSED -> key(problem, status(number(a, 0)), arg(a, 1));
            case HEADERS_TOO_LARGE -> key(problem, status(431), arg(a, 0));
            default -> key(problem, a.toArray());
        };
    }

    private String key(Problem problem, Object... args) {
        return i18n.get("problem." + problem.code().name(), args);
    }

    private String cause(Problem problem) {
        return problem.cause() == null ? "" : of(problem.cause());
    }

    /** Whether the fault came from the server's answers (try later) rather than the connection. */
    private static boolean serverFault(Problem cause) {
        return cause != null && cause.code() == Problem.Code.HTTP_STATUS;
    }

    private String excerpt(String text) {
        return text.isBlank() ? "" : i18n.get("problem.excerpt", text);
    }

    private String realm(String realm) {
        return realm.isBlank() ? "" : i18n.get("problem.realm", realm);
    }

    private String localReason(String reason) {
        String key = LOCAL_REASONS.get(reason.toLowerCase(Locale.ROOT));
        return key == null ? reason : i18n.get(key);
    }

    private static String arg(List<String> args, int i) {
        return i < args.size() && args.get(i) != null ? args.get(i) : "";
    }

    private static int number(List<String> args, int i) {
        try {
            return Integer.parseInt(arg(args, i));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String bytes(List<String> args, int i) {
        try {
            return Formats.bytes(Long.parseLong(arg(args, i)));
        } catch (NumberFormatException e) {
            return arg(args, i);
        }
    }

    private static String seconds(List<String> args, int i) {
        try {
            // Rounded up to a tenth: a 44 ms back-off is "0.1 s", never "0.0 s".
            return String.format(Locale.ROOT, "%.1f", Math.ceil(Long.parseLong(arg(args, i)) / 100.0) / 10);
        } catch (NumberFormatException e) {
            return arg(args, i);
        }
    }
}
