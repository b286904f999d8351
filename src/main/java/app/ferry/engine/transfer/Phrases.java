package app.ferry.engine.transfer;

import app.ferry.engine.Problem;
import app.ferry.engine.Problem.Code;
import app.ferry.engine.StatusLine;
import java.util.List;

/**
 * The failures and history notes the transfers phrase themselves, each as a {@link Problem}: its
 * code and arguments (data only: numbers, URLs, paths) for a front end to render in its own
 * language, and the English the command line prints. One place, so a code and its English words
 * cannot drift apart between the download, upload and exchange code that say them.
 */
public final class Phrases {

    private Phrases() {
    }

    /** An answer with an error status; {@code excerpt} is the server's own words (may be empty). */
    public static Problem httpStatus(int status, Object url, String excerpt, String english) {
        return new Problem(Code.HTTP_STATUS, List.of(String.valueOf(status), String.valueOf(url), excerpt), english, false);
    }

    /** A download's file is not at its address (404, 410). */
    public static Problem notFound(int status, Object url) {
        return new Problem(Code.NOT_FOUND, List.of(String.valueOf(status), String.valueOf(url)),
                StatusLine.of(status) + " for " + url + ": the file is not there (check the URL)", false);
    }

    public static Problem credentialsRefused(String realm, String user, String english) {
        return new Problem(Code.CREDENTIALS_REFUSED, List.of(realm == null ? "" : realm, user), english, false);
    }

    public static Problem checksumMismatch(String expected, String actual, Object partial) {
        return new Problem(Code.CHECKSUM_MISMATCH, List.of(expected, actual, String.valueOf(partial)),
                "SHA-256 mismatch: expected " + expected + " but the download is " + actual + ". The data is kept in "
                        + partial, false);
    }

    /** The connection ended before the length the server announced. */
    public static Problem closedEarly(long position, long total) {
        return new Problem(Code.CONNECTION_CLOSED, List.of(String.valueOf(position), String.valueOf(total)),
                "The connection closed at byte " + position + " of " + total, true);
    }

    public static Problem fileChanged() {
        return new Problem(Code.FILE_CHANGED, List.of(), "The file on the server changed since the last attempt"
                + " (its ETag or Last-Modified differ): starting again from zero", false);
    }

    public static Problem started(Object url, String english) {
        return new Problem(Code.STARTED, List.of(String.valueOf(url)), english, false);
    }

    public static Problem resumed(long offset) {
        return new Problem(Code.RESUMED, List.of(String.valueOf(offset)), "Resumed at byte " + offset, false);
    }

    public static Problem startedSegmented(int connections, String url) {
        return new Problem(Code.STARTED_SEGMENTED, List.of(String.valueOf(connections), String.valueOf(url)),
                "Started over " + connections + " connections: " + url, false);
    }

    public static Problem resumedSegmented(long have, long total, int connections) {
        return new Problem(Code.RESUMED_SEGMENTED, List.of(String.valueOf(have), String.valueOf(total),
                String.valueOf(connections)), "Resumed " + have + " of " + total + " bytes over " + connections + " connections",
                false);
    }

    public static Problem redirected(Object to) {
        return new Problem(Code.REDIRECTED, List.of(String.valueOf(to)), "Redirected to " + to, false);
    }

    public static Problem redirectedWithBody(int status, Object to) {
        return new Problem(Code.REDIRECTED_WITH_BODY, List.of(String.valueOf(status), String.valueOf(to)),
                StatusLine.of(status) + ": sending the body again to " + to, false);
    }

    public static Problem savedAs(Object file) {
        return new Problem(Code.SAVED_AS, List.of(String.valueOf(file)), "Saved as " + file, false);
    }

    public static Problem uploaded(int status, Object url) {
        return new Problem(Code.UPLOADED, List.of(String.valueOf(status), String.valueOf(url)),
                StatusLine.of(status) + " from " + url, false);
    }

    /**
     * A local file or folder Ferry cannot use; {@code reason} is one of the words
     * {@link app.ferry.engine.ProblemClassifier} uses ("permission denied", "it does not exist
     * (moved or deleted?)", "it is a folder", "it is not a folder"), which front ends translate.
     */
    public static Problem localFile(Object path, String reason, String english) {
        return new Problem(Code.LOCAL_FILE, List.of(String.valueOf(path), reason), english, false);
    }

    /** The disk filled up while writing at {@code position}; what was written is kept. */
    public static Problem diskFull(long position) {
        return new Problem(Code.DISK_FULL, List.of(String.valueOf(position)), "The disk is full at byte " + position
                + ". The data so far is kept; free some space and resume.", false);
    }

    /** The address a redirect gave last time answered 403/404/410: the original link is asked again. */
    public static Problem linkExpired(int status, String expired, String original) {
        return new Problem(Code.LINK_EXPIRED, List.of(String.valueOf(status), expired, original), StatusLine.of(status)
                + " from " + expired + "; asking the original address " + original + " again", false);
    }

    /** A file sent compressed although asked for plain: saved decoded, so it cannot resume. */
    public static Problem encodingDecoded(String name, String coding) {
        return new Problem(Code.ENCODING_DECODED, List.of(name, coding), "The server sent " + name + " compressed"
                + " (Content-Encoding: " + coding + ") although Ferry asked for it uncompressed:"
                + " saving it decoded, as a browser does. A compressed answer cannot be resumed: after a pause"
                + " or a lost connection it starts again from zero, over one connection", false);
    }

    /** A compressed file (by its name or type) labelled with a Content-Encoding: saved as sent. */
    public static Problem encodingKept(String name, String coding) {
        return new Problem(Code.ENCODING_KEPT, List.of(name, coding), "The server labels " + name + " with"
                + " Content-Encoding: " + coding + "; its name or type says it is compressed,"
                + " so it is saved as sent, as a browser does", false);
    }

    /** A server that answered ranges wrongly: one connection for its downloads from now on. */
    public static Problem oneConnection(String host, boolean later) {
        return new Problem(later ? Code.ONE_CONNECTION_LATER : Code.ONE_CONNECTION, List.of(host), later
                ? "Later downloads from " + host + " use one connection until Ferry restarts"
                : "The server at " + host + " answered range requests wrongly earlier: downloading over one connection",
                false);
    }

    private static Problem fatal(Code code, String english, Object... args) {
        return new Problem(code, java.util.Arrays.stream(args).map(String::valueOf).toList(), english, false);
    }

    private static Problem passing(Code code, String english, Object... args) {
        return new Problem(code, java.util.Arrays.stream(args).map(String::valueOf).toList(), english, true);
    }

    public static Problem tooManyRedirects(int limit, Object origin) {
        return fatal(Code.TOO_MANY_REDIRECTS, "More than " + limit + " redirects, starting at " + origin, limit, origin);
    }

    public static Problem redirectWithoutLocation(int status, Object from) {
        return fatal(Code.REDIRECT_WITHOUT_LOCATION, StatusLine.of(status) + " from " + from
                + " without a Location header: nowhere to go", status, from);
    }

    public static Problem redirectInvalid(String location) {
        return fatal(Code.REDIRECT_INVALID, "The server redirected to an invalid address: \"" + location + "\"", location);
    }

    public static Problem redirectNotHttp(Object to) {
        return fatal(Code.REDIRECT_NOT_HTTP, "The server redirected to " + to + ", which is not an http(s) address", to);
    }

    public static Problem redirectInsecure(Object from, Object to) {
        return fatal(Code.REDIRECT_INSECURE, "Refused a redirect from " + from + " to the unencrypted " + to
                + ": allow insecure redirects for this task if you trust it (ferry get --allow-insecure-redirect)", from, to);
    }

    /** A download that restarted from zero too often; {@code last} says why it restarted the last time. */
    public static Problem restartedTooOften(int times, Problem last) {
        return new Problem(Code.RESTARTED_TOO_OFTEN, List.of(String.valueOf(times)), "Restarted " + times
                + " times without finishing: " + last.english(), false, last);
    }

    public static Problem noChallenge() {
        return fatal(Code.NO_CHALLENGE, StatusLine.of(401) + " without a WWW-Authenticate challenge: the server refuses"
                + " this download");
    }

    /** A 301–303 to an upload: following it would send a GET without the body. */
    public static Problem uploadRedirected(int status, String method, String location) {
        return fatal(Code.UPLOAD_REDIRECTED, StatusLine.of(status) + ": the server redirects this " + method + " to "
                + location + "; Ferry does not resend an upload as a GET. Upload to that URL instead.", status, method,
                location);
    }

    public static Problem conflictingLength(int status, Object url, Object values) {
        return fatal(Code.CONFLICTING_LENGTH, StatusLine.of(status) + " from " + url + " carries conflicting"
                + " Content-Length values " + values + ": the length of the file is unknown, so nothing of it is kept"
                + " (the server or a proxy in between is broken)", status, url, values);
    }

    public static Problem partialShorter(Object partial) {
        return fatal(Code.PARTIAL_SHORTER, "The partial file " + partial + " is shorter than the saved state says:"
                + " starting again from zero", partial);
    }

    public static Problem partialGone(Object partial) {
        return fatal(Code.PARTIAL_GONE, "The partial file " + partial + " is gone: starting again from zero", partial);
    }

    /** A 416 to a resume; {@code contentRange} is the server's header, or "no Content-Range". */
    public static Problem rangeUnsatisfiable(long offset, String contentRange) {
        return fatal(Code.RANGE_UNSATISFIABLE, "The server cannot send bytes from " + offset + " (" + contentRange
                + "): starting again from zero", offset, contentRange);
    }

    public static Problem wholeFileInstead() {
        return fatal(Code.WHOLE_FILE_INSTEAD, "The server sent the whole file instead of the rest (it ignores ranges,"
                + " or the file changed since the last attempt): starting again from zero");
    }

    public static Problem restCompressed(String coding) {
        return fatal(Code.REST_COMPRESSED, "The server sent the rest compressed (Content-Encoding: " + coding
                + "), which cannot be joined to the bytes on disk: starting again from zero", coding);
    }

    /** The file changed while its segments were downloaded; {@code how} is the English evidence. */
    public static Problem changedInSegments(String how) {
        return fatal(Code.CHANGED_IN_SEGMENTS, "The file on the server changed while it was downloaded in segments ("
                + how + "): starting again from zero");
    }

    public static Problem segmentWholeFile() {
        return fatal(Code.SEGMENT_WHOLE_FILE, "The server answered a range request with the whole file:"
                + " continuing over one connection, from zero");
    }

    public static Problem segmentGone(long first, long last) {
        return fatal(Code.SEGMENT_GONE, "The server cannot send bytes " + first + "-" + last
                + " any more (the file shrank?): starting again from zero", first, last);
    }

    public static Problem segmentCompressed(long first, long last, String coding) {
        return fatal(Code.SEGMENT_COMPRESSED, "The server sent bytes " + first + "-" + last + " compressed"
                + " (Content-Encoding: " + coding + "): continuing over one connection, from zero", first, last, coding);
    }

    public static Problem segmentStatus(int status, long first, long last, Object url) {
        return passing(Code.SEGMENT_STATUS, StatusLine.of(status) + " for bytes " + first + "-" + last + " from " + url,
                status, first, last, url);
    }

    public static Problem segmentClosed(long first, long last, long position) {
        return passing(Code.SEGMENT_CLOSED, "The connection for bytes " + first + "-" + last + " closed at byte "
                + position, first, last, position);
    }

    public static Problem segmentsIncomplete(int missing) {
        return passing(Code.SEGMENTS_INCOMPLETE, "The connections stopped with " + missing + " ranges still missing",
                missing);
    }

    public static Problem tooMuchData(long total) {
        return passing(Code.TOO_MUCH_DATA, "The server sent more than the " + total + " bytes it announced", total);
    }

    public static Problem undecodable(String name, String coding) {
        return fatal(Code.UNDECODABLE, "The server sent " + name + " compressed as " + coding + " (Content-Encoding),"
                + " although Ferry asked for it uncompressed, and Ferry cannot decode " + coding + ": nothing was"
                + " saved. Download it with a browser, or ask the site to serve it uncompressed", name, coding);
    }

    /** {@code reason} is the decoder's own words, kept as data. */
    public static Problem damagedEncoding(String coding, String reason) {
        return fatal(Code.DAMAGED_ENCODING, "The server said the file is compressed (Content-Encoding: " + coding
                + "), but its bytes do not decode (" + reason + "): the download cannot be saved", coding, reason);
    }

    /** {@code reason} is the operating system's own words, kept as data. */
    public static Problem writeFailed(String reason, long position) {
        return fatal(Code.WRITE_FAILED, "Writing failed (" + reason + ") at byte " + position
                + ". The data so far is kept; free some space and resume.", reason, position);
    }

    public static Problem uploadFileChanged(Object file) {
        return fatal(Code.UPLOAD_FILE_CHANGED, file + " changed since the upload started (size or modification time):"
                + " starting a fresh upload", file);
    }

    /** {@code detail} is the English the tus client said; the code keeps only its status and address. */
    public static Problem uploadExpired(int status, Object upload, String detail) {
        return fatal(Code.UPLOAD_EXPIRED, "The server no longer has the upload (" + detail + "): starting a fresh upload",
                status, upload);
    }

    public static Problem uploadOffsetBeyond(long offset, long length) {
        return fatal(Code.UPLOAD_OFFSET_BEYOND, "The server claims " + offset + " bytes of a " + length + "-byte file",
                offset, length);
    }

    public static Problem uploadedTo(Object target) {
        return fatal(Code.UPLOADED_TO, "Uploaded to " + target, target);
    }

    /** A segment's answer was not its part ({@code mismatch}): stop splitting. */
    public static Problem rangesWrong(Problem mismatch) {
        return new Problem(Code.RANGES_WRONG, List.of(), mismatch.english() + ": continuing over one connection, from zero",
                false, mismatch);
    }

    /** A resume's answer was not the rest ({@code mismatch}): start again. */
    public static Problem resumeRangeWrong(Problem mismatch) {
        return new Problem(Code.RESUME_RANGE_WRONG, List.of(), mismatch.english() + ": starting again from zero", false,
                mismatch);
    }

    /** Without a strong ETag, the bytes fetched again before {@code offset} differ from those on disk. */
    public static Problem overlapDiffers(long offset) {
        return fatal(Code.OVERLAP_DIFFERS, "The server has no strong ETag, and the bytes before " + offset
                + " differ from what was downloaded: the file changed, starting again from zero", offset);
    }

    /** {@code english} is what the reader saw (changed size, modified, disappeared), with its numbers. */
    public static Problem uploadFileChangedDuring(Object file, String english) {
        return fatal(Code.UPLOAD_FILE_CHANGED_DURING, english, file);
    }

    /**
     * A tus request answered with a status the protocol does not expect. Transient, as any
     * exchange fault without a code was before: the retry policy decides.
     */
    public static Problem tusFailed(String method, Object url, int status, String english) {
        return passing(Code.TUS_FAILED, english, method, url, status);
    }

    /** A tus answer without a header the protocol requires, or with a value it forbids. */
    public static Problem tusProtocol(String method, Object url, int status, String english) {
        return passing(Code.TUS_PROTOCOL, english, method, url, status);
    }

    // Failures a new user met with the installed ferry (issue 13's trial): each says what is wrong and what to do.

    /**
     * A download refused with 403, or 401 without a challenge Ferry can answer: the site usually
     * wants what a browser sends (its login cookie, the page as Referer, a browser's User-Agent).
     */
    public static Problem downloadRefused(int status, Object url) {
        return fatal(Code.DOWNLOAD_REFUSED, StatusLine.of(status) + " for " + url + ": the server refuses this download;"
                + " if the site needs a login or its own page first, send its cookie (--cookie or --load-cookies),"
                + " --referer with the page's address, or a browser's User-Agent (-A)", status, url);
    }

    /** HTTP 431: what Ferry sent in the headers, nearly always cookies, is more than the server takes. */
    public static Problem headersTooLarge(Object url) {
        return fatal(Code.HEADERS_TOO_LARGE, StatusLine.of(431) + " for " + url + ": the headers Ferry sent are too large"
                + " for this server, usually too many or too long cookies: send only the cookies this site needs"
                + " (--cookie, --load-cookies) and fewer -H headers", url);
    }

    /** An https:// address whose server answered in plain HTTP: no wait makes it speak TLS. */
    public static Problem notTls(java.net.URI url) {
        int port = url.getPort() >= 0 ? url.getPort() : 443;
        String authority = url.getHost() + ":" + port;
        // Built from its parts: a user:password@ in the address stays out of the message.
        String http = "http://" + authority + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        return fatal(Code.NOT_TLS, authority + " answered in plain HTTP, not TLS, so https:// cannot be used there:"
                + " try " + http, authority, http);
    }
}
