package app.ferry.engine.upload;

import app.ferry.engine.FerryBuild;
import app.ferry.engine.HistoryEvent;
import app.ferry.engine.MultipartUploadSpec;
import app.ferry.engine.RawUploadSpec;
import app.ferry.engine.ResponseInfo;
import app.ferry.engine.UploadProgress;
import app.ferry.engine.UploadSpec;
import app.ferry.engine.http.RetryAfter;
import app.ferry.engine.transfer.Outcome;
import app.ferry.engine.transfer.Redirects;
import app.ferry.engine.transfer.ResponseBodies;
import app.ferry.engine.transfer.StatusLine;
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
import java.time.Instant;

/**
 * An upload whose body is sent whole in one request: the raw file (PUT/POST, REST PUT) or a
 * streamed multipart form. Not resumable by nature — every attempt sends the body from its
 * start, and the task's progress says so by starting from zero again.
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
                throw new TransferFailure.Fatal(rootMessage(e), e);
            }
            throw e;
        }
    }

    static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileChangedException) {
                return t.getMessage();
            }
        }
        return e.getMessage();
    }

    private Outcome send(TransferContext context) throws IOException {
        for (Path file : spec.files()) {
            requireReadableFile(file);
        }
        Body body = body(context);
        context.update(r -> r.withUpload(new UploadProgress(body.length(), 0, null, null)));
        context.setTotalBytes(body.length());
        context.setBytesDone(0);
        context.note(HistoryEvent.Kind.STARTED, 0, "Sending " + body.length() + " bytes to " + spec.url());

        URI origin = URI.create(spec.url());
        URI uri = origin;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .method(body.method(), body.publisher())
                    .header("User-Agent", FerryBuild.userAgent())
                    .header("Content-Type", body.contentType());
            boolean authorized = context.credentials() != null && Redirects.sameOrigin(origin, uri);
            if (authorized) {
                request.header("Authorization", context.credentials().basicAuthorization());
            }
            HttpResponse<InputStream> response = context.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            context.onStop(response.body());
            int status = response.statusCode();
            context.events().responseReceived(context.record().id(), status, response.headers().map());
            if (status == 307 || status == 308) {
                response.body().close();
                if (hop >= Redirects.MAX_FOLLOW_UPS) {
                    throw new TransferFailure.Fatal("More than " + Redirects.MAX_FOLLOW_UPS + " redirects, starting at " + origin);
                }
                URI next = Redirects.target(uri, status, response.headers(), false);
                context.note(HistoryEvent.Kind.REDIRECTED, 0, StatusLine.of(status) + ": sending the body again to " + next);
                context.events().redirected(context.record().id(), uri, next);
                uri = next;
                continue;
            }
            ResponseInfo info = ResponseBodies.read(response);
            context.update(r -> r.withResponse(info));
            return answer(context, uri, info, response, authorized);
        }
    }

    private Outcome answer(TransferContext context, URI uri, ResponseInfo info, HttpResponse<?> response,
                           boolean authorized) throws IOException {
        int status = info.status();
        if (status >= 200 && status < 300) {
            long length = context.record().upload().totalBytes();
            context.update(r -> r.withUpload(new UploadProgress(length, length, null, null)));
            context.setBytesDone(length);
            context.note(HistoryEvent.Kind.COMPLETED, length, StatusLine.of(status) + " from " + uri);
            context.checkpoint();
            return new Outcome.Completed();
        }
        if (status == 301 || status == 302 || status == 303) {
            // A browser would turn this into a GET without the body: the upload would look done
            // and be lost. Say where the server wants it instead.
            throw new TransferFailure.Fatal(StatusLine.of(status) + ": the server redirects this " + methodOf()
                    + " to " + response.headers().firstValue("Location").orElse("(no Location)")
                    + "; Ferry does not resend an upload as a GET. Upload to that URL instead.");
        }
        if (status == 401 && response.headers().firstValue("WWW-Authenticate").isPresent()) {
            String challenge = response.headers().firstValue("WWW-Authenticate").get();
            String realm = challenge.replaceFirst("(?i)^.*realm=\"([^\"]*)\".*$", "$1");
            if (authorized) {
                // Asking again would only send the same rejected pair: say what went wrong instead.
                throw new TransferFailure.Fatal(StatusLine.of(status) + " from " + uri + ": the server rejected the"
                        + " password of user \"" + context.credentials().user() + "\""
                        + (realm.equals(challenge) ? "" : " (realm \"" + realm + "\")")
                        + "; check the user name and password and try again");
            }
            return new Outcome.NeedsCredentials(realm.equals(challenge) ? null : realm);
        }
        String excerpt = ResponseBodies.excerpt(info);
        String message = StatusLine.of(status) + " from " + uri + (excerpt.isEmpty() ? "" : ": " + excerpt);
        if (StatusLine.isTransient(status)) {
            throw TransferFailure.Retryable.answered(status, message,
                    response.headers().firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, Instant.now())).orElse(null));
        }
        throw new TransferFailure.Fatal(status == 401 ? message + " (wrong or missing user name and password)" : message);
    }

    /** A POST (raw or multipart) may act twice if sent twice; PUT replaces, so it may. */
    @Override
    public boolean idempotent() {
        return !methodOf().equalsIgnoreCase("POST");
    }

    private String methodOf() {
        return spec instanceof RawUploadSpec raw ? raw.method() : "POST";
    }

    private Body body(TransferContext context) throws IOException {
        return switch (spec) {
            case RawUploadSpec raw -> {
                FileBodyPublisher publisher = FileBodyPublisher.of(raw.file(), context::addBytesDone);
                String type = raw.contentType() != null ? raw.contentType() : ContentTypes.of(raw.file());
                yield new Body(raw.method(), type, publisher.contentLength(), publisher);
            }
            case MultipartUploadSpec form -> {
                MultipartBody multipart = MultipartBody.of(form.parts());
                // The publisher counts a re-sent body back down first, so progress restarts honestly.
                yield new Body("POST", multipart.contentType(), multipart.contentLength(),
                        multipart.publisher(context::addBytesDone));
            }
            default -> throw new IllegalStateException("Not a single-request upload: " + spec);
        };
    }

    static void requireReadableFile(Path file) throws TransferFailure.Fatal {
        if (!Files.exists(file)) {
            throw new TransferFailure.Fatal(file + " does not exist (moved or deleted?)");
        }
        if (Files.isDirectory(file)) {
            throw new TransferFailure.Fatal(file + " is a folder; upload the files in it instead");
        }
        if (!Files.isReadable(file)) {
            throw new TransferFailure.Fatal(file + " cannot be read: check its permissions");
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
