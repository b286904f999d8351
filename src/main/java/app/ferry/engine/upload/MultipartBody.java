package app.ferry.engine.upload;

import app.ferry.engine.FormPart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * An RFC 7578 {@code multipart/form-data} body, laid out the way browsers lay it out, and streamed:
 * part headers are a few bytes in memory, file contents are read chunk by chunk while sending.
 *
 * <p>The length is computed up front from the files' sizes, so the request carries an exact
 * {@code Content-Length} (many upload servers refuse chunked bodies). A file whose size changes
 * before or while it is sent fails the upload with a {@link FileChangedException}.
 */
public final class MultipartBody {

    private static final String BOUNDARY_PREFIX = "----FerryBoundary";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /**
     * The boundary is unpredictable for the same reason browsers make it so: a file whose author
     * could guess it could forge extra fields. 32 characters give about 190 random bits.
     */
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CRLF = {'\r', '\n'};

    private final List<FormPart> parts;
    private final String boundary;
    private final List<BodySegment> segments;
    private final long contentLength;

    private MultipartBody(List<FormPart> parts, String boundary, List<BodySegment> segments) {
        this.parts = parts;
        this.boundary = boundary;
        this.segments = segments;
        long sum = 0;
        for (BodySegment segment : segments) {
            sum = Math.addExact(sum, segment.length());
        }
        this.contentLength = sum;
    }

    /**
     * Lays out the body with a fresh random boundary. Reads each file's size now (never its
     * contents); a missing file or a directory fails here rather than in the middle of a send.
     */
    public static MultipartBody of(List<? extends FormPart> parts) throws IOException {
        List<FormPart> copy = List.copyOf(parts);
        // A collision is astronomically unlikely; the loop makes "never" hold by construction.
        while (true) {
            String boundary = randomBoundary();
            if (!occursInHeadersOrText(copy, boundary)) {
                return layOut(copy, boundary);
            }
        }
    }

    /** With a given boundary, for tests; refuses one that occurs in a text value or header. */
    static MultipartBody of(List<? extends FormPart> parts, String boundary) throws IOException {
        List<FormPart> copy = List.copyOf(parts);
        if (occursInHeadersOrText(copy, boundary)) {
            throw new IllegalArgumentException("boundary \"" + boundary + "\" occurs in a field");
        }
        return layOut(copy, boundary);
    }

    public List<FormPart> parts() {
        return parts;
    }

    public String boundary() {
        return boundary;
    }

    /** The value of the request's {@code Content-Type} header. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The exact number of bytes {@link #publisher} sends. */
    public long contentLength() {
        return contentLength;
    }

    /**
     * A body publisher for one request. Repeatable: each subscription starts from the first byte,
     * so a 307/308 redirect or a retry re-sends the whole body. {@code bytesSent} receives the size
     * of every chunk handed to the HTTP client (and a negative rewind when the body starts over).
     */
    public HttpRequest.BodyPublisher publisher(LongConsumer bytesSent) {
        return publisher(bytesSent, BodyEnd.NONE);
    }

    /** As {@link #publisher(LongConsumer)}; {@code end} hears when the body was handed over whole. */
    public HttpRequest.BodyPublisher publisher(LongConsumer bytesSent, BodyEnd end) {
        return new SegmentPublisher(segments, bytesSent, end, SegmentPublisher.CHUNK_SIZE);
    }

    /** With a chosen chunk size, so tests can make chunks straddle headers and files. */
    HttpRequest.BodyPublisher publisher(LongConsumer bytesSent, int chunkSize) {
        return new SegmentPublisher(segments, bytesSent, chunkSize);
    }

    private static String randomBoundary() {
        StringBuilder b = new StringBuilder(BOUNDARY_PREFIX);
        for (int i = 0; i < 32; i++) {
            b.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return b.toString();
    }

    /**
     * File contents are not searched: that would mean reading every file twice, and a random
     * 32-character boundary does not occur in them by chance.
     */
    private static boolean occursInHeadersOrText(List<FormPart> parts, String boundary) {
        for (FormPart part : parts) {
            String text = switch (part) {
                case FormPart.TextField t -> t.name() + '\n' + t.value();
                case FormPart.FileField f -> f.name() + '\n' + f.filename() + '\n' + f.contentType();
            };
            if (text.contains(boundary)) {
                return true;
            }
        }
        return false;
    }

    private static MultipartBody layOut(List<FormPart> parts, String boundary) throws IOException {
        List<BodySegment> segments = new ArrayList<>();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        byte[] delimiter = ("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII);
        for (FormPart part : parts) {
            pending.writeBytes(delimiter);
            switch (part) {
                case FormPart.TextField text -> {
                    pending.writeBytes(disposition(text.name(), null));
                    pending.writeBytes(CRLF);
                    pending.writeBytes(text.value().getBytes(StandardCharsets.UTF_8));
                    pending.writeBytes(CRLF);
                }
                case FormPart.FileField file -> {
                    long size = regularFileSize(file.file());
                    pending.writeBytes(disposition(file.name(), file.filename()));
                    pending.writeBytes(("Content-Type: " + file.contentType() + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    segments.add(new BodySegment.Bytes(pending.toByteArray()));
                    pending.reset();
                    segments.add(new BodySegment.FileRegion(file.file(), 0, size, size));
                    pending.writeBytes(CRLF);
                }
            }
        }
        pending.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        segments.add(new BodySegment.Bytes(pending.toByteArray()));
        return new MultipartBody(parts, boundary, List.copyOf(segments));
    }

    private static long regularFileSize(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "file to upload not found");
        }
        if (!Files.isRegularFile(file)) {
            // A pipe or device has no size to announce in Content-Length.
            throw new IOException(file + " is not a regular file");
        }
        return Files.size(file);
    }

    /**
     * {@code Content-Disposition: form-data; name="…"; filename="…"} plus CRLF, as the WHATWG
     * multipart/form-data encoding writes it: names as raw UTF-8 inside the quotes, with only
     * {@code "}, CR and LF percent-encoded. Servers read it that way (Jetty, commons-fileupload,
     * PHP, Go, Node's busboy).
     *
     * <p>No {@code filename*=} parameter: RFC 7578 §4.2 says senders MUST NOT use the RFC 5987
     * encoding in multipart/form-data, and some servers would take the name from either one.
     */
    private static byte[] disposition(String name, String filename) {
        StringBuilder b = new StringBuilder("Content-Disposition: form-data; name=\"").append(escape(name)).append('"');
        if (filename != null) {
            b.append("; filename=\"").append(escape(filename)).append('"');
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String value) {
        Objects.requireNonNull(value);
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("%22");
                case '\r' -> b.append("%0D");
                case '\n' -> b.append("%0A");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
