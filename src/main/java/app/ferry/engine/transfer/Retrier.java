package app.ferry.engine.transfer;

import app.ferry.engine.HistoryEvent;
import app.ferry.engine.net.UntrustedCertificateException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.time.Duration;

/**
 * Runs a transfer's attempts until it completes, stops on request, or runs out of retries.
 * The retry budget counts consecutive failures without progress: a 40 GB download over a link
 * that drops every few minutes keeps going as long as each attempt moves it forward.
 */
public final class Retrier {

    private Retrier() {
    }

    public static Outcome run(Transfer transfer, TransferContext context) {
        Backoff backoff = new Backoff(context.config().backoffBase(), context.config().backoffCap(),
                context.config().retryAfterCap());
        int failures = 0;
        long durableAtLastFailure = context.record().durableBytes();
        while (true) {
            if (context.stopRequested()) {
                return new Outcome.Stopped();
            }
            IOException fault;
            try {
                return transfer.attempt(context);
            } catch (TransferFailure.Fatal e) {
                return context.stopRequested() ? new Outcome.Stopped() : new Outcome.Failed(e.getMessage());
            } catch (IOException e) {
                fault = e;
            } finally {
                context.releaseAttemptResources();
            }
            if (context.stopRequested()) {
                return new Outcome.Stopped();
            }
            String untrusted = untrustedCertificate(fault);
            if (untrusted != null) {
                return new Outcome.Failed(untrusted);
            }
            long durable = context.record().durableBytes();
            failures = durable > durableAtLastFailure ? 1 : failures + 1;
            durableAtLastFailure = durable;
            String reason = describe(fault);
            if (failures > context.config().maxRetries()) {
                return new Outcome.Failed("Gave up after " + failures + " failed attempts in a row: " + reason
                        + ". Retry when the connection or the server is back.");
            }
            Duration retryAfter = fault instanceof TransferFailure.Retryable r ? r.retryAfter().orElse(null) : null;
            Duration delay = backoff.delay(failures, retryAfter);
            context.note(HistoryEvent.Kind.RETRYING, durable,
                    "Attempt " + failures + " failed (" + reason + "); retrying in " + delay.toMillis() + " ms");
            context.events().retrying(context.record().id(), failures, delay, reason);
            if (!context.sleep(delay)) {
                return new Outcome.Stopped();
            }
        }
    }

    /**
     * What to tell when the server's certificate failed verification (unknown CA, wrong name,
     * expired), else null. Such a failure is final: trying again meets the same certificate.
     */
    static String untrustedCertificate(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException certificate) {
                return UntrustedCertificateException.advice(certificate);
            }
        }
        return null;
    }

    /** A reason a person can read, for the usual suspects of a network fault. */
    static String describe(IOException e) {
        if (e instanceof TransferFailure) {
            return e.getMessage();
        }
        if (e instanceof HttpTimeoutException) {
            return "the server did not answer in time";
        }
        if (e instanceof java.net.ConnectException) {
            return "could not connect" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        if (e instanceof ClosedChannelException) {
            return "the connection was closed";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
