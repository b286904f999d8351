package app.ferry.engine.http;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Retry-After} (RFC 9110 §10.2.3): {@code HTTP-date / delay-seconds}.
 *
 * <p>Values above {@link #MAX_DELAY} are <em>capped</em> to it rather than ignored: ignoring them
 * would let Ferry's own, shorter backoff retry sooner than the server asked, which is exactly what
 * the header is there to prevent. A caller that will not wait a day can give up on seeing the cap.
 */
public final class RetryAfter {

    /** The longest wait Ferry honours; longer requests are treated as "a day". */
    public static final Duration MAX_DELAY = Duration.ofDays(1);

    private static final Pattern DELAY_SECONDS = Pattern.compile("-?[0-9]+");

    // RFC 9110 §5.6.7. The day name is checked only for shape: a wrong weekday is a server bug,
    // not a reason to hammer it.
    /** IMF-fixdate: {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "[A-Za-z]{3}, ([0-9]{2}) ([A-Za-z]{3}) ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT");
    /** Obsolete RFC 850: {@code Sunday, 06-Nov-94 08:49:37 GMT}. */
    private static final Pattern RFC_850 = Pattern.compile(
            "[A-Za-z]{6,9}, ([0-9]{2})-([A-Za-z]{3})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT");
    /** Obsolete asctime: {@code Sun Nov  6 08:49:37 1994}. */
    private static final Pattern ASCTIME = Pattern.compile(
            "[A-Za-z]{3} ([A-Za-z]{3}) ([ 0-9][0-9]) ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([0-9]{4})");

    private static final List<String> MONTHS = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private RetryAfter() {
    }

    /**
     * How long to wait from {@code now}: {@link Duration#ZERO} for a negative delay or a past date,
     * at most {@link #MAX_DELAY}, empty when the value is neither a number nor an HTTP-date.
     */
    public static Optional<Duration> parse(String value, Instant now) {
        Objects.requireNonNull(now, "now");
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (DELAY_SECONDS.matcher(trimmed).matches()) {
            return Optional.of(delaySeconds(trimmed));
        }
        return httpDate(trimmed, now).map(date -> clamp(Duration.between(now, date)));
    }

    private static Duration delaySeconds(String digits) {
        if (digits.startsWith("-")) {
            return Duration.ZERO;
        }
        // More digits than MAX_DELAY has seconds cannot fit under it; avoids parsing huge numbers.
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > Long.toString(MAX_DELAY.toSeconds()).length()) {
            return MAX_DELAY;
        }
        return clamp(Duration.ofSeconds(Long.parseLong(significant)));
    }

    private static Duration clamp(Duration delay) {
        if (delay.isNegative()) {
            return Duration.ZERO;
        }
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static Optional<Instant> httpDate(String text, Instant now) {
        try {
            Matcher m = IMF_FIXDATE.matcher(text);
            if (m.matches()) {
                return instant(Integer.parseInt(m.group(3)), m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
            }
            m = RFC_850.matcher(text);
            if (m.matches()) {
                int year = fourDigitYear(Integer.parseInt(m.group(3)), now);
                return instant(year, m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
            }
            m = ASCTIME.matcher(text);
            if (m.matches()) {
                return instant(Integer.parseInt(m.group(6)), m.group(1), m.group(2).strip(), m.group(3), m.group(4), m.group(5));
            }
        } catch (DateTimeException e) {
            // "31 Feb", "25:00:00": right shape, no such instant. Garbage in a Retry-After means
            // "no advice" (empty), like any other unreadable value.
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Instant> instant(int year, String month, String day, String hour, String minute, String second) {
        int monthIndex = MONTHS.indexOf(month.toLowerCase(Locale.ROOT));
        if (monthIndex < 0) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.of(year, monthIndex + 1, Integer.parseInt(day),
                Integer.parseInt(hour), Integer.parseInt(minute), Integer.parseInt(second))
                .toInstant(ZoneOffset.UTC));
    }

    /**
     * RFC 9110 §5.6.7: a two-digit year that appears more than 50 years in the future is the most
     * recent past year with those digits. Judged by year, which is fine at this granularity.
     */
    private static int fourDigitYear(int twoDigits, Instant now) {
        int thisYear = LocalDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
        int candidate = thisYear - Math.floorMod(thisYear, 100) + twoDigits;
        if (candidate > thisYear + 50) {
            return candidate - 100;
        }
        return candidate + 100 <= thisYear + 50 ? candidate + 100 : candidate;
    }
}
