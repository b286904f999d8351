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
}
