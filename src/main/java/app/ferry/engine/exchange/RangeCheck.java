package app.ferry.engine.exchange;

import app.ferry.engine.http.ContentRange;
import app.ferry.engine.http.MalformedHeaderException;
import java.net.http.HttpHeaders;

/**
 * Checks a 206 before a byte of it is written: its {@code Content-Range} must start at the
 * first byte asked for, end where asked (or at the end of the file), and name the total known
 * from earlier answers. A server that answers another part would otherwise have it written at
 * the wrong offset.
 */
public final class RangeCheck {

    private RangeCheck() {
    }

    /**
     * @param asked the request, with its range
     * @param knownTotal the file's length from earlier answers, or -1
     * @return the answered range, exactly the one asked for
     */
    public static ContentRange verify(ExchangeRequest asked, HttpHeaders headers, long knownTotal)
            throws RangeMismatch {
        String value = headers.firstValue("Content-Range").orElseThrow(() ->
                new RangeMismatch("The server sent 206 Partial Content without a Content-Range", "", asked));
        ContentRange range;
        try {
            range = ContentRange.parse(value);
        } catch (MalformedHeaderException e) {
            throw new RangeMismatch("The server sent an invalid Content-Range \"" + value + "\"", value, asked);
        }
        if (range.isUnsatisfied()) {
            throw new RangeMismatch("The server sent 206 with an unsatisfied Content-Range \"" + value + "\"", value, asked);
        }
        long last = asked.rangeLast() >= 0 ? asked.rangeLast() : range.total() >= 0 ? range.total() - 1 : range.last();
        if (range.first() != asked.offset() || range.last() != last
                || knownTotal >= 0 && range.total() != knownTotal) {
            throw new RangeMismatch("The server answered a request for " + asked.describeRange()
                    + (knownTotal >= 0 ? " of " + knownTotal : "") + " with Content-Range \"" + value + "\"", value, asked);
        }
        return range;
    }
}
