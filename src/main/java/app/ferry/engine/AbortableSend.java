package app.ferry.engine;

import app.ferry.engine.transfer.HttpSender;
import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Sends one request of a task so that a pause, a removal or the watchdog can abort it at any
 * moment, and turns what the client reports into the exceptions a transfer handles. Apart from
 * {@link TaskRuntime}, which keeps only the task's state and counters.
 */
final class AbortableSend {

    private AbortableSend() {
    }

    /**
     * @param onStop registers what aborts the request when the task is asked to stop
     * @throws InterruptedIOException when the request was aborted or the thread interrupted
     */
    static <T> HttpResponse<T> send(HttpSender http, HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                    Consumer<AutoCloseable> onStop) throws IOException {
        CompletableFuture<HttpResponse<T>> future = http.sendAsync(request, handler);
        onStop.accept(() -> future.cancel(true));
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectException connect) {
                throw named(connect, request);
            }
            if (plainHttpAnswer(cause)) {
                throw new TransferFailure.Fatal(Phrases.notTls(request.uri()), cause);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "request failed" : cause.toString(), cause);
        } catch (CancellationException e) {
            throw new InterruptedIOException("The request was aborted");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the server");
        }
    }

    /**
     * An https:// request answered in plain HTTP: the JDK's TLS engine says "Unrecognized SSL
     * message, plaintext connection?", which no retry changes.
     */
    private static boolean plainHttpAnswer(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException && t.getMessage() != null && t.getMessage().contains("plaintext connection")) {
                return true;
            }
        }
        return false;
    }

    /** The JDK names no address ("Connection refused"): after a redirect, say which one. */
    private static ConnectException named(ConnectException connect, HttpRequest request) {
        ConnectException named = new ConnectException(request.uri().getHost() + ":"
                + (request.uri().getPort() >= 0 ? request.uri().getPort()
                : "https".equalsIgnoreCase(request.uri().getScheme()) ? 443 : 80)
                + " (" + (connect.getMessage() == null ? "connection refused" : connect.getMessage())
                + ", for " + request.uri() + ")");
        named.initCause(connect);
        return named;
    }
}
