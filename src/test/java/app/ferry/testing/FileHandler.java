package app.ferry.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The {@link TestServer}'s first handler (Jetty's core API, so a response can be cut off after any
 * byte): records every request, answers redirects and {@link ServedFile}s the way nginx does, and
 * leaves every other path to the servlets.
 */
final class FileHandler extends Handler.Abstract {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    /** Bytes written per write call: small enough that throttling and dropping are precise. */
    private static final int CHUNK_BYTES = 16 * 1024;

    private record Redirect(int status, String location) {
    }

    private final Map<String, ServedFile> files = new ConcurrentHashMap<>();
    private final Map<String, Redirect> redirects = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();

    void serve(String path, ServedFile file) {
        files.put(path, file);
    }

    void redirect(String path, int status, String location) {
        redirects.put(path, new Redirect(status, location));
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    long bytesSent() {
        return bytesSent.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
        }
        requests.add(new RecordedRequest(request.getMethod(), path, Map.copyOf(headers), System.nanoTime()));
        Redirect redirect = redirects.get(path);
        ServedFile file = files.get(path);
        if (redirect == null && file == null) {
            return false;
        }
        try {
            if (redirect != null) {
                response.getHeaders().put("Location", redirect.location());
                sendText(response, redirect.status(), "Moved to " + redirect.location());
            } else {
                serveFile(file, headers, response);
            }
            callback.succeeded();
        } catch (Throwable e) {
            // Failing the callback of a committed response makes Jetty abort the connection.
            callback.failed(e);
        }
        return true;
    }

    private void serveFile(ServedFile file, Map<String, String> headers, Response response) throws IOException {
        if (!file.authorized(headers.get("authorization"))) {
            response.getHeaders().put("WWW-Authenticate", "Basic realm=\"" + file.realm() + "\"");
            sendText(response, 401, "Credentials needed");
            return;
        }
        ServedFile.Scripted scripted = file.nextScripted();
        if (scripted != null) {
            scripted.headers().forEach(response.getHeaders()::put);
            sendText(response, scripted.status(), "Scripted answer " + scripted.status());
            return;
        }
        ServedFile.Version version = file.version();
        if (file.sendsValidators()) {
            response.getHeaders().put("ETag", version.etag());
            response.getHeaders().put("Last-Modified", version.lastModified());
        }
        if (file.contentDisposition() != null) {
            response.getHeaders().put("Content-Disposition", file.contentDisposition());
        }
        response.getHeaders().put("Content-Type", "application/octet-stream");
        if (file.acceptRanges() != null) {
            response.getHeaders().put("Accept-Ranges", file.acceptRanges());
        }

        byte[] content = version.content();
        long size = content.length;
        long from = 0;
        long to = size - 1;
        String rangeHeader = headers.get("range");
        Matcher range = RANGE.matcher(rangeHeader == null ? "" : rangeHeader);
        String ifRange = headers.get("if-range");
        boolean rangeApplies = range.matches() && !file.ignoresRange() && (ifRange == null || file.ignoresIfRange()
                || (file.sendsValidators() && (ifRange.equals(version.etag()) || ifRange.equals(version.lastModified()))));
        long rate = file.bytesPerSecond();
        if (rangeApplies) {
            from = Long.parseLong(range.group(1));
            if (!range.group(2).isEmpty()) {
                to = Math.min(to, Long.parseLong(range.group(2)));
            }
            if (from >= size || from > to) {
                file.answered(rangeHeader, ifRange, 416);
                response.getHeaders().put("Content-Range", "bytes */" + size);
                sendText(response, 416, "Range not satisfiable");
                return;
            }
            response.setStatus(206);
            response.getHeaders().put("Content-Range", "bytes " + file.statedRangeStart(from) + "-" + to + "/" + size);
            rate = file.bytesPerSecondFrom(from);
        } else {
            response.setStatus(200);
        }
        file.answered(rangeHeader, ifRange, response.getStatus());
        if (!file.isChunked()) {
            response.getHeaders().put("Content-Length", String.valueOf(to - from + 1));
        }
        writeBody(file, response, content, from, to + 1, rate);
    }

    private void writeBody(ServedFile file, Response response, byte[] content, long from, long end, long rate)
            throws IOException {
        long dropAfter = file.takeDrop();
        long started = System.nanoTime();
        long sent = 0;
        long position = from;
        while (position < end) {
            int length = (int) Math.min(CHUNK_BYTES, end - position);
            if (dropAfter >= 0) {
                length = (int) Math.min(length, dropAfter - sent);
                if (length <= 0) {
                    throw new IOException("The test server dropped the connection after " + sent + " bytes, as told");
                }
            }
            if (rate > 0) {
                // A rate limit of the server, not a test waiting for something: wait until the
                // bytes already sent are due at this rate.
                long due = started + sent * 1_000_000_000L / rate;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            Content.Sink.write(response, false, ByteBuffer.wrap(content, (int) position, length));
            bytesSent.addAndGet(length);
            sent += length;
            position += length;
        }
        if (dropAfter >= 0 && sent >= dropAfter) {
            throw new IOException("The test server dropped the connection after " + sent + " bytes, as told");
        }
        Content.Sink.write(response, true, ByteBuffer.allocate(0));
    }

    private static void sendText(Response response, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
        response.getHeaders().put("Content-Length", String.valueOf(body.length));
        Content.Sink.write(response, true, ByteBuffer.wrap(body));
    }
}
