package app.ferry.engine.transfer;

import app.ferry.engine.HistoryEvent;
import app.ferry.engine.Problem;
import app.ferry.engine.ProblemClassifier;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

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
                return context.stopRequested() ? new Outcome.Stopped() : new Outcome.Failed(ProblemClassifier.classify(e));
            } catch (IOException e) {
                // Read before the resources are released: that forgets who closed them.
                fault = context.abortedAsIdle()
                        ? new ProblemClassifier.IdleTimeout(context.idleAbortSeconds(), e) : e;
            } finally {
                context.releaseAttemptResources();
            }
            if (context.stopRequested()) {
                return new Outcome.Stopped();
            }
            Problem problem = ProblemClassifier.classify(fault);
            if (!problem.transientFault()) {
                // The user has to fix this (a folder where the partial file was, a server that does
                // not speak HTTP, a refused certificate): waiting and trying again cannot.
                return new Outcome.Failed(problem.withEnglish(
                        capitalized(problem.english()) + (problem.english().endsWith(".") ? "" : ".")));
            }
            String refused = RetryPolicy.refusal(transfer, fault, context.config());
            if (refused != null) {
                return new Outcome.Failed(new Problem(Problem.Code.NOT_RETRIED, List.of(),
                        problem.english() + ". " + refused + ".", false, problem));
            }
            long durable = context.record().durableBytes();
            failures = durable > durableAtLastFailure ? 1 : failures + 1;
            durableAtLastFailure = durable;
            String reason = problem.english();
            if (failures > context.config().maxRetries()) {
                return new Outcome.Failed(new Problem(Problem.Code.GAVE_UP, List.of(String.valueOf(failures)),
                        "Gave up after " + failures + (failures == 1 ? " failed attempt: " : " failed attempts in a row: ")
                                + reason + ". " + advice(fault), false, problem));
            }
            Duration retryAfter = fault instanceof TransferFailure.Retryable r ? r.retryAfter().orElse(null) : null;
            Duration delay = backoff.delay(failures, retryAfter);
            context.note(HistoryEvent.Kind.RETRYING, durable, new Problem(Problem.Code.RETRYING,
                    List.of(String.valueOf(failures), String.valueOf(delay.toMillis())),
                    "Attempt " + failures + " failed (" + reason + "); retrying in " + delay.toMillis() + " ms", true, problem));
            context.events().retrying(context.record().id(), failures, delay, reason);
            if (!context.sleep(delay)) {
                return new Outcome.Stopped();
            }
        }
    }

    /** What to do after transient faults that did not go away. */
    private static String advice(IOException fault) {
        if (fault instanceof TransferFailure.Retryable retryable && retryable.status() != 0) {
            return "The server keeps failing; try again later, or tell its owner if it lasts.";
        }
        return "Retry when the connection or the server is back.";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
