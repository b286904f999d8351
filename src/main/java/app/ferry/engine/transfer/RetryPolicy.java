package app.ferry.engine.transfer;

import app.ferry.engine.EngineConfig;
import java.io.IOException;

/**
 * Which faults a transfer may be attempted again after, on top of "retryable at all".
 *
 * <p>A request that is not idempotent (a raw or multipart POST) is sent again only when the server
 * cannot have acted on it:
 * <ul>
 * <li>no answer arrived (the connection failed or dropped before a status line): RFC 9110 §9.2.2
 *     allows a client to retry then, and it is what browsers do for a connection that dies;</li>
 * <li>429 or 503 with {@code Retry-After}: the server says it refused the request for now and when
 *     to come back (RFC 9110 §15.6.4, RFC 6585 §4);</li>
 * <li>408: the server says it did not receive the whole request (RFC 9110 §15.5.9), so it cannot
 *     have processed it (OkHttp retries it for the same reason).</li>
 * </ul>
 * A 500, 502 or 504 after the whole body went out may come after the server stored the upload or
 * submitted the form, so sending it again could do it twice; the user may opt in
 * ({@link EngineConfig#retryNonIdempotent()}, {@code --retry-post}). PUT and tus are idempotent
 * and stay retried.
 */
public final class RetryPolicy {

    private RetryPolicy() {
    }

    /** Null when {@code fault} may be retried, else the reason it is not (for the user). */
    public static String refusal(Transfer transfer, IOException fault, EngineConfig config) {
        if (transfer.idempotent() || config.retryNonIdempotent()
                || !(fault instanceof TransferFailure.Retryable retryable)) {
            return null;
        }
        int status = retryable.status();
        if (status == 0 || status == 408) {
            return null;
        }
        if ((status == 429 || status == 503) && retryable.retryAfter().isPresent()) {
            return null;
        }
        return "Ferry does not send a POST again after the server answered with an error, because the server may"
                + " have acted on it already (a second one could upload or submit twice). Check on the server,"
                + " then send it again; --retry-post retries such answers automatically";
    }
}
