package app.ferry.engine.exchange;

import app.ferry.engine.Problem;
import app.ferry.engine.http.RetryAfter;
import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.transfer.TransferFailure;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the headers of an answer ask of the client: a password, a wait, and whether its length can be trusted. */
public final class Answers {

    private Answers() {
    }

    /** The challenge of a 401, or empty when the server sent none (it refuses rather than asks). */
    public static Optional<Challenge> challenge(HttpHeaders headers) {
        return headers.firstValue("WWW-Authenticate").map(Challenge::parse);
    }

    /** A failure worth retrying, after the wait the server asked for in {@code Retry-After}, if any. */
    public static TransferFailure.Retryable retryLater(int status, Problem problem, HttpHeaders headers) {
        return TransferFailure.Retryable.answered(status, problem,
                headers.firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, Instant.now())).orElse(null));
    }

    /**
     * Refuses an answer whose {@code Content-Length} fields disagree (RFC 9112 §6.3: an
     * unrecoverable error): which one the client believed would decide where the body ends, and
     * a body cut at the wrong one would be saved as complete. Repeats of one value are allowed,
     * as the RFC allows them.
     */
    static void requireOneLength(HttpResponse<?> response) throws TransferFailure.Fatal {
        List<String> fields = response.headers().allValues("Content-Length");
        if (fields.size() < 2 && (fields.isEmpty() || fields.getFirst().indexOf(',') < 0)) {
            return;
        }
        Set<String> values = new LinkedHashSet<>();
        for (String field : fields) {
            for (String value : field.split(",", -1)) {
                values.add(value.strip());
            }
        }
        if (values.size() > 1) {
            throw new TransferFailure.Fatal(Phrases.conflictingLength(response.statusCode(), response.uri(), values));
        }
    }
}
