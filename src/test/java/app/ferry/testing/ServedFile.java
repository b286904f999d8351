package app.ferry.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file a {@link TestServer} serves with {@code Range}, {@code If-Range}, {@code ETag} and
 * {@code Last-Modified} the way nginx does, and how it misbehaves, each switchable at any time
 * from the test thread: {@linkplain #replace replace its content} (a new version: new ETag, later
 * Last-Modified), drop its validators, {@linkplain #ignoreRange ignore Range} (always 200; with
 * {@link #acceptRanges} it may still offer them), {@linkplain #ignoreIfRange ignore If-Range}
 * (206 of whatever is there now), {@linkplain #misstateRangeStart misstate where a range starts},
 * answer without a Content-Length (chunked), {@linkplain #throttle throttle} (also
 * {@linkplain #throttleRangesFrom only the ranges starting at one offset}),
 * {@linkplain #dropAfter drop the connection} after some bytes of the body, send a
 * Content-Disposition, require HTTP Basic credentials, and {@linkplain #failNext answer with a
 * scripted status} (503 with Retry-After, 404…) before serving normally. A range starting at or
 * past the end gets {@code 416} with {@code Content-Range: bytes *}{@code /size}, like nginx.
 *
 * <p>Every answer of content is kept ({@link #answers()}): the Range and If-Range it was for and
 * the status it got.
 */
public final class ServedFile {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** One version of the content with its validators, computed once (hashing 160 MiB per request would be slow). */
    record Version(int number, byte[] content, String etag, String lastModified) {
    }

    record Scripted(int status, Map<String, String> headers) {
    }

    /** One answer of content: the request's Range and If-Range (null when absent) and the status sent. */
    public record Answer(String range, String ifRange, int status) {
        private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

        /** Where the asked range starts: 0 without a Range, -1 for one that is not {@code bytes=N-[M]}. */
        public long rangeStart() {
            if (range == null) {
                return 0;
            }
            Matcher m = RANGE.matcher(range);
            return m.matches() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicInteger misstatements = new AtomicInteger();
    private final List<Scripted> scripted = new ArrayList<>();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private volatile Version version;
    private volatile boolean validators = true;
    private volatile boolean ignoreRange;
    private volatile boolean acceptRangesSet;
    private volatile String acceptRanges;
    private volatile boolean ignoreIfRange;
    private volatile boolean misstateEveryRange;
    private volatile boolean chunked;
    private volatile long bytesPerSecond;
    private volatile long slowRangeStart = -1;
    private volatile long slowRangeBytesPerSecond;
    private volatile long dropAfterBytes;
    private volatile String contentDisposition;
    private volatile String expectedAuthorization;
    private volatile String realm;

    /** A file to mount with {@link TestServer#serve(String, ServedFile)}. */
    public ServedFile(byte[] content) {
        version = version(content.clone(), 0);
    }

    private static Version version(byte[] content, int number) {
        String etag = "\"" + HexFormat.of().formatHex(sha256(content), 0, 8) + "-" + number + "\"";
        String lastModified = HTTP_DATE.format(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(60L * number));
        return new Version(number, content, etag, lastModified);
    }

    /** Serves another version from now on: new ETag, Last-Modified one minute later. */
    public synchronized ServedFile replace(byte[] newContent) {
        version = version(newContent.clone(), version.number() + 1);
        return this;
    }

    /** Sends neither ETag nor Last-Modified, and ignores If-Range. */
    public ServedFile withoutValidators() {
        validators = false;
        return this;
    }

    /** Answers every request with 200 and the whole file, as if Range did not exist ({@code Accept-Ranges: none}). */
    public ServedFile ignoreRange(boolean ignore) {
        ignoreRange = ignore;
        return this;
    }

    /**
     * The {@code Accept-Ranges} value to send whatever Range does, or null to send none: with
     * {@link #ignoreRange} a server that offers ranges and still answers each with the whole file.
     */
    public ServedFile acceptRanges(String value) {
        acceptRanges = value;
        acceptRangesSet = true;
        return this;
    }

    /** Honours Range whatever If-Range says: a 206 of the current version even if it changed. */
    public ServedFile ignoreIfRange(boolean ignore) {
        ignoreIfRange = ignore;
        return this;
    }

    /** The next {@code times} ranges not starting at zero get a {@code Content-Range} one byte off. */
    public ServedFile misstateRangeStart(int times) {
        misstatements.set(times);
        return this;
    }

    /** Every range not starting at zero gets a {@code Content-Range} one byte off, for as long as this is on. */
    public ServedFile misstateEveryRangeStart(boolean misstate) {
        misstateEveryRange = misstate;
        return this;
    }

    /** Sends no Content-Length: the body is chunked and its length unknown to the client. */
    public ServedFile chunked(boolean noLength) {
        chunked = noLength;
        return this;
    }

    /** Limits each response to about {@code rate} body bytes per second; 0 for no limit. */
    public ServedFile throttle(long rate) {
        bytesPerSecond = rate;
        return this;
    }

    /** Answers to ranges starting at {@code start} get {@code rate} body bytes per second instead. */
    public ServedFile throttleRangesFrom(long start, long rate) {
        slowRangeBytesPerSecond = rate;
        slowRangeStart = start;
        return this;
    }

    /** The next {@code times} responses close the connection after {@code bytes} bytes of their body. */
    public ServedFile dropAfter(long bytes, int times) {
        dropAfterBytes = bytes;
        drops.set(times);
        return this;
    }

    public ServedFile contentDisposition(String value) {
        contentDisposition = value;
        return this;
    }

    /** Answers 401 with {@code WWW-Authenticate: Basic realm="realm"} unless these credentials come. */
    public ServedFile requireBasicAuth(String user, String password, String realmName) {
        expectedAuthorization = basic(user, password);
        realm = realmName;
        return this;
    }

    /** The {@code Authorization} value of HTTP Basic for these credentials. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The next {@code times} requests get {@code status} with a short text body and the given
     * headers ({@code name, value, name, value…}), before the file is served normally again.
     */
    public ServedFile failNext(int times, int status, String... headerNamesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            headers.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        synchronized (scripted) {
            for (int i = 0; i < times; i++) {
                scripted.add(new Scripted(status, headers));
            }
        }
        return this;
    }

    /** The content served now. */
    public byte[] content() {
        return version.content().clone();
    }

    /** The strong ETag of the current version. */
    public String etag() {
        return version.etag();
    }

    /** The Last-Modified date of the current version. */
    public String lastModified() {
        return version.lastModified();
    }

    /** Every answer of content so far (not 401s or scripted ones), in order. */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** The answers to requests with a Range header. */
    public List<Answer> rangeAnswers() {
        return answers.stream().filter(a -> a.range() != null).toList();
    }

    /** Forgets the answers so far. */
    public void clearAnswers() {
        answers.clear();
    }

    Version version() {
        return version;
    }

    boolean authorized(String authorization) {
        return expectedAuthorization == null || expectedAuthorization.equals(authorization);
    }

    String realm() {
        return realm;
    }

    boolean sendsValidators() {
        return validators;
    }

    boolean ignoresRange() {
        return ignoreRange;
    }

    boolean ignoresIfRange() {
        return ignoreIfRange;
    }

    String acceptRanges() {
        return acceptRangesSet ? acceptRanges : ignoreRange ? "none" : "bytes";
    }

    boolean isChunked() {
        return chunked;
    }

    String contentDisposition() {
        return contentDisposition;
    }

    long bytesPerSecond() {
        return bytesPerSecond;
    }

    long bytesPerSecondFrom(long rangeStart) {
        return rangeStart == slowRangeStart ? slowRangeBytesPerSecond : bytesPerSecond;
    }

    /** Where the Content-Range says a range starts: one byte off when told to misstate it. */
    long statedRangeStart(long from) {
        boolean misstate = from != 0 && (misstateEveryRange
                || misstatements.getAndUpdate(n -> Math.max(0, n - 1)) > 0);
        return misstate ? from + 1 : from;
    }

    void answered(String range, String ifRange, int status) {
        answers.add(new Answer(range, ifRange, status));
    }

    Scripted nextScripted() {
        synchronized (scripted) {
            return scripted.isEmpty() ? null : scripted.removeFirst();
        }
    }

    long takeDrop() {
        return drops.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? dropAfterBytes : -1;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
