package app.ferry.engine.http;

import java.util.Locale;

/**
 * A parsed {@code Content-Range} (RFC 9110 §14.4): the bytes {@code first..last} (inclusive) of a
 * representation of {@code total} bytes, {@code total == -1} when the server wrote {@code *}.
 *
 * <p>The unsatisfied form {@code bytes *&#47;1234}, sent with 416, is {@link #unsatisfied(long)}:
 * {@code first == last == -1} and a known {@code total}. Every instance satisfies
 * {@code 0 <= first <= last} and {@code last < total} when {@code total} is known, so a resuming
 * download can compare it with what it asked for without re-checking.
 *
 * @param first first byte position, or -1 when unsatisfied
 * @param last last byte position (inclusive), or -1 when unsatisfied
 * @param total complete length, or -1 when unknown ({@code *})
 */
public record ContentRange(long first, long last, long total) {

    private static final long UNKNOWN = -1;

    public ContentRange {
        String problem = problem(first, last, total);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The 416 form {@code bytes *&#47;total}: none of the requested range exists. */
    public static ContentRange unsatisfied(long total) {
        return new ContentRange(UNKNOWN, UNKNOWN, total);
    }

    public boolean isUnsatisfied() {
        return first == UNKNOWN;
    }

    public boolean isTotalKnown() {
        return total != UNKNOWN;
    }

    /** Number of bytes in the range; 0 when unsatisfied. */
    public long length() {
        return isUnsatisfied() ? 0 : last - first + 1;
    }

    /** The header value, as {@link #parse} reads it back. */
    public String toHeaderValue() {
        String length = isTotalKnown() ? Long.toString(total) : "*";
        return isUnsatisfied() ? "bytes */" + length : "bytes " + first + "-" + last + "/" + length;
    }

    /**
     * Parses {@code bytes first-last/total}, {@code bytes first-last/*} or {@code bytes *&#47;total}.
     * The unit is case-insensitive (RFC 9110 §14.1); whitespace around the value is ignored; numbers
     * are plain digits that fit a {@code long}.
     *
     * @throws MalformedHeaderException for anything else, including ranges that contradict
     *     themselves ({@code 5-3}, {@code 0-10/10}): trusting them could splice a file wrongly
     */
    public static ContentRange parse(String headerValue) {
        if (headerValue == null) {
            throw new MalformedHeaderException("Content-Range is missing");
        }
        String value = headerValue.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bytes")) {
            throw new MalformedHeaderException("Content-Range is not in bytes: " + shorten(value));
        }
        String range = value.substring(space + 1).strip();
        int slash = range.indexOf('/');
        if (slash < 0) {
            throw new MalformedHeaderException("Content-Range has no complete length: " + shorten(value));
        }
        String positions = range.substring(0, slash);
        String length = range.substring(slash + 1);
        long total = length.equals("*") ? UNKNOWN : number(length, value);

        if (positions.equals("*")) {
            if (total == UNKNOWN) {
                throw new MalformedHeaderException("Content-Range */* says nothing: " + shorten(value));
            }
            return unsatisfied(total);
        }
        int dash = positions.indexOf('-');
        if (dash < 0) {
            throw new MalformedHeaderException("Content-Range has no first-last range: " + shorten(value));
        }
        long first = number(positions.substring(0, dash), value);
        long last = number(positions.substring(dash + 1), value);
        String problem = problem(first, last, total);
        if (problem != null) {
            throw new MalformedHeaderException("Content-Range " + shorten(value) + ": " + problem);
        }
        return new ContentRange(first, last, total);
    }

    private static String problem(long first, long last, long total) {
        if (total < UNKNOWN) {
            return "complete length " + total + " is negative";
        }
        if (first == UNKNOWN && last == UNKNOWN) {
            return total == UNKNOWN ? "an unsatisfied range needs a known complete length" : null;
        }
        if (first < 0 || last < 0) {
            return "positions " + first + "-" + last + " are negative";
        }
        if (first > last) {
            return "first position " + first + " is after last position " + last;
        }
        if (last - first == Long.MAX_VALUE) {
            // bytes 0-9223372036854775807: its length does not fit a long (found by jqwik).
            return "range " + first + "-" + last + " is longer than any file can be";
        }
        if (total != UNKNOWN && last >= total) {
            return "last position " + last + " is not below the complete length " + total;
        }
        return null;
    }

    /** RFC 9110 §14.4: {@code 1*DIGIT}; no sign, no spaces, must fit a long. */
    private static long number(String digits, String header) {
        if (digits.isEmpty() || digits.length() > 19) {
            throw new MalformedHeaderException("Content-Range has a missing or too long number: " + shorten(header));
        }
        long result = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedHeaderException("Content-Range has a non-digit in a number: " + shorten(header));
            }
            try {
                result = Math.addExact(Math.multiplyExact(result, 10), c - '0');
            } catch (ArithmeticException e) {
                throw new MalformedHeaderException("Content-Range has a number too large: " + shorten(header), e);
            }
        }
        return result;
    }

    private static String shorten(String value) {
        return value.length() > 100 ? '"' + value.substring(0, 100) + "…\"" : '"' + value + '"';
    }
}
