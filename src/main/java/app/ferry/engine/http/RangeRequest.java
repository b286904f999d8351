package app.ferry.engine.http;

/**
 * Builds {@code Range} request header values (RFC 9110 §14.2) for resuming and for splitting a
 * download into parts. Only single ranges: a multi-range request gets a multipart/byteranges
 * body, which a downloader never wants.
 */
public final class RangeRequest {

    private RangeRequest() {
    }

    /** {@code bytes=first-}: everything from {@code first} on, the form used to resume. */
    public static String startingAt(long first) {
        if (first < 0) {
            throw new IllegalArgumentException("first must be >= 0: " + first);
        }
        return "bytes=" + first + "-";
    }

    /** {@code bytes=first-last}, both inclusive. */
    public static String between(long first, long last) {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("need 0 <= first <= last: " + first + "-" + last);
        }
        return "bytes=" + first + "-" + last;
    }
}
