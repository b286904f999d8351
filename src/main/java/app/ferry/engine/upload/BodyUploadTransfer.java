package app.ferry.engine.upload;

import app.ferry.engine.transfer.Phrases;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.MultipartUploadSpec;
import app.ferry.engine.Problem;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.ResponseInfo;
import app.ferry.engine.StatusLine;
import app.ferry.engine.UploadProgress;
import app.ferry.engine.UploadSpec;
import app.ferry.engine.exchange.Answers;
import app.ferry.engine.exchange.Challenge;
import app.ferry.engine.exchange.Exchange;
import app.ferry.engine.exchange.ExchangeRequest;
import app.ferry.engine.transfer.Outcome;
import app.ferry.engine.transfer.ResponseBodies;
import app.ferry.engine.transfer.Transfer;
import app.ferry.engine.transfer.TransferContext;
import app.ferry.engine.transfer.TransferFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An upload whose body is sent whole in one request: the raw file (PUT/POST, REST PUT) or a
 * streamed multipart form. Not resumable by nature — every attempt sends the body from its
 * start, and the task's progress says so by starting from zero again.
 *
 * <p>Progress counts bytes handed to the HTTP client. Once the last one is handed over the task
 * says it is {@linkplain TransferContext#awaitingResponse awaiting the server's answer} until the
 * answer's headers arrive: a large body is then still being received, stored or checked by the
 * server, which may yet refuse it.
 */
public final class BodyUploadTransfer implements Transfer {

    private final UploadSpec spec;

    public BodyUploadTransfer(RawUploadSpec spec) {
        this.spec = spec;
    }

    public BodyUploadTransfer(MultipartUploadSpec spec) {
        this.spec = spec;
    }

    /** A body that can be produced again from its start, for a retry or a 307/308. */
    private record Body(String method, String contentType, long length, HttpRequest.BodyPublisher publisher) {
    }

    @Override
    public Outcome attempt(TransferContext context) throws IOException {
        try {
            return send(context);
        } catch (IOException e) {
            if (causedByFileChange(e)) {
                throw new TransferFailure.Fatal(fileChangedProblem(e), e);
            }
            throw e;
        }
    }

    /** A file that changed under its upload, with the English of the {@link FileChangedException} in the chain. */
    static Problem fileChangedProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileChangedException changed) {
                return Phrases.uploadFileChangedDuring(changed.file(), changed.getMessage());
            }
        }
        return Problem.stated(e.getMessage(), false);
    }

    private Outcome send(TransferContext context) throws IOException {
        for (Path file : spec.files()) {
            requireReadableFile(file);
        }
        Body body = body(context);
        context.update(r -> r.withUpload(new UploadProgress(body.length(), 0, null, null)));
        context.setTotalBytes(body.length());
        context.setBytesDone(0);
        context.note(HistoryEvent.Kind.STARTED, 0, Phrases.started(spec.url(), "Sending " + body.length() + " bytes to "
                + spec.url()));

        Exchange exchange = new Exchange(context);
        ExchangeRequest request = ExchangeRequest.upload(body.method(), spec.uri(), body.publisher(), body.contentType());
        HttpResponse<InputStream> response = exchange.follow(request);
        context.onStop(response.body());
        ResponseInfo info = ResponseBodies.read(response);
        context.update(r -> r.withResponse(info));
        return answer(context, info, response, exchange.authorizes(request.redirectedTo(response.uri())));
    }

    private Outcome answer(TransferContext context, ResponseInfo info, HttpResponse<?> response, boolean authorized)
            throws IOException {
        URI uri = response.uri();
        int status = info.status();
        if (status >= 200 && status < 300) {
            long length = context.record().upload().totalBytes();
            context.update(r -> r.withUpload(new UploadProgress(length, length, null, null)));
            context.setBytesDone(length);
            context.note(HistoryEvent.Kind.COMPLETED, length, Phrases.uploaded(status, uri));
            context.checkpoint();
            return new Outcome.Completed();
        }
        if (status == 301 || status == 302 || status == 303) {
            // A browser would turn this into a GET without the body: the upload would look done
            // and be lost. Say where the server wants it instead.
            throw new TransferFailure.Fatal(Phrases.uploadRedirected(status, methodOf(),
                    response.headers().firstValue("Location").orElse("(no Location)")));
        }
        Optional<Challenge> challenge = status == 401 ? Answers.challenge(response.headers()) : Optional.empty();
        if (challenge.isPresent()) {
            if (authorized) {
                // Asking again would only send the same rejected pair: say what went wrong instead.
                throw new TransferFailure.Fatal(Phrases.credentialsRefused(challenge.get().realm(), context.credentials().user(),
                        StatusLine.of(status) + " from " + uri + ": the server rejected the password of user \""
                                + context.credentials().user() + "\"" + challenge.get().describe()
                                + "; check the user name and password and try again"));
            }
            return new Outcome.NeedsCredentials(challenge.get().realm());
        }
        String excerpt = ResponseBodies.excerpt(info);
        String message = StatusLine.of(status) + " from " + uri + (excerpt.isEmpty() ? "" : ": " + excerpt);
        if (StatusLine.isTransient(status)) {
            throw Answers.retryLater(status, Phrases.httpStatus(status, uri, excerpt, message), response.headers());
        }
        throw new TransferFailure.Fatal(Phrases.httpStatus(status, uri, excerpt,
                status == 401 ? message + " (wrong or missing user name and password)" : message));
    }

    /** A POST (raw or multipart) may act twice if sent twice; PUT replaces, so it may. */
    @Override
    public boolean idempotent() {
        return !methodOf().equalsIgnoreCase("POST");
    }

    private String methodOf() {
        return spec instanceof RawUploadSpec raw ? raw.method() : "POST";
    }

    /**
     * Counts a chunk handed to the client and tells the idle watchdog that the connection moves:
     * without it, a body that took longer than the idle timeout to send was cut and sent again.
     */
    private static void sent(TransferContext context, long delta) {
        context.addBytesDone(delta);
        context.touch();
    }

    private Body body(TransferContext context) throws IOException {
        return switch (spec) {
            case RawUploadSpec raw -> {
                FileBodyPublisher publisher = FileBodyPublisher.of(raw.file(), delta -> sent(context, delta),
                        context::awaitingResponse);
                String type = raw.contentType() != null ? raw.contentType() : ContentTypes.of(raw.file());
                yield new Body(raw.method(), type, publisher.contentLength(), publisher);
            }
            case MultipartUploadSpec form -> {
                MultipartBody multipart = MultipartBody.of(form.parts());
                // The publisher counts a re-sent body back down first, so progress restarts honestly.
                yield new Body("POST", multipart.contentType(), multipart.contentLength(),
                        multipart.publisher(delta -> sent(context, delta), context::awaitingResponse));
            }
            default -> throw new IllegalStateException("Not a single-request upload: " + spec);
        };
    }

    static void requireReadableFile(Path file) throws TransferFailure.Fatal {
        if (!Files.exists(file)) {
            throw new TransferFailure.Fatal(Phrases.localFile(file, "it does not exist (moved or deleted?)",
                    file + " does not exist (moved or deleted?)"));
        }
        if (Files.isDirectory(file)) {
            throw new TransferFailure.Fatal(Phrases.localFile(file, "it is a folder",
                    file + " is a folder; upload the files in it instead"));
        }
        if (!Files.isReadable(file)) {
            throw new TransferFailure.Fatal(Phrases.localFile(file, "permission denied",
                    file + " cannot be read: check its permissions"));
        }
    }

    /** A file that changed under a running upload cannot be fixed by sending it again as it is now. */
    static boolean causedByFileChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileChangedException) {
                return true;
            }
        }
        return false;
    }
}
