package app.ferry.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("1994-11-06T08:48:37Z");

    @Test
    void delaySeconds() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("007", NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void negativeDelayIsZero() {
        assertThat(RetryAfter.parse("-5", NOW)).contains(Duration.ZERO);
    }

    @Test
    void absurdDelayIsCappedToADay() {
        assertThat(RetryAfter.parse("86400", NOW)).contains(Duration.ofDays(1));
        assertThat(RetryAfter.parse("86401", NOW)).contains(RetryAfter.MAX_DELAY);
        assertThat(RetryAfter.parse("99999999999999999999999999", NOW)).contains(RetryAfter.MAX_DELAY);
        assertThat(RetryAfter.parse("0000000000000000000000042", NOW)).contains(Duration.ofSeconds(42));
    }

    @Test
    void imfFixdate() {
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).contains(Duration.ofSeconds(60));
    }

    @Test
    void rfc850Date() {
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).contains(Duration.ofSeconds(60));
    }

    @Test
    void rfc850TwoDigitYearMoreThanFiftyYearsAheadIsInThePast() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        // "79" read as 2079 would be 49 years ahead: kept (and capped). "81" -> 2081 is too far, so 1981.
        assertThat(RetryAfter.parse("Monday, 01-Jan-79 00:00:00 GMT", now)).contains(RetryAfter.MAX_DELAY);
        assertThat(RetryAfter.parse("Thursday, 01-Jan-81 00:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Wednesday, 01-Jan-30 00:00:10 GMT", now)).contains(Duration.ofSeconds(10));
    }

    @Test
    void asctimeDate() {
        assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", NOW)).contains(Duration.ofSeconds(60));
        assertThat(RetryAfter.parse("Sun Nov 16 08:49:37 1994", NOW)).contains(RetryAfter.MAX_DELAY);
    }

    @Test
    void pastDateIsZero() {
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void farFutureDateIsCapped() {
        assertThat(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", NOW)).contains(RetryAfter.MAX_DELAY);
    }

    @Test
    void wrongWeekdayIsTolerated() {
        assertThat(RetryAfter.parse("Mon, 06 Nov 1994 08:49:37 GMT", NOW)).contains(Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"soon", "1.5", "12 s", "0x10", "+5", "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 PST",
            "1994-11-06T08:49:37Z", "Sun, 6 Nov 1994 08:49:37"})
    void garbageIsEmpty(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }
}
