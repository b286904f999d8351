package app.ferry.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentRangeTest {

    @Test
    void parsesRangeWithKnownTotal() {
        ContentRange range = ContentRange.parse("bytes 0-499/1234");

        assertThat(range).isEqualTo(new ContentRange(0, 499, 1234));
        assertThat(range.length()).isEqualTo(500);
        assertThat(range.isUnsatisfied()).isFalse();
        assertThat(range.isTotalKnown()).isTrue();
    }

    @Test
    void refusesARangeWhoseLengthOverflowsALong() {
        assertThatThrownBy(() -> ContentRange.parse("bytes 0-9223372036854775807/*"))
                .isInstanceOf(MalformedHeaderException.class)
                .hasMessageContaining("longer than any file");
        assertThat(ContentRange.parse("bytes 1-9223372036854775807/*").length()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void parsesUnknownTotal() {
        ContentRange range = ContentRange.parse("bytes 42-1233/*");

        assertThat(range).isEqualTo(new ContentRange(42, 1233, -1));
        assertThat(range.isTotalKnown()).isFalse();
        assertThat(range.toHeaderValue()).isEqualTo("bytes 42-1233/*");
    }

    @Test
    void parsesUnsatisfied() {
        ContentRange range = ContentRange.parse("bytes */1234");

        assertThat(range).isEqualTo(ContentRange.unsatisfied(1234));
        assertThat(range.isUnsatisfied()).isTrue();
        assertThat(range.total()).isEqualTo(1234);
        assertThat(range.length()).isZero();
        assertThat(range.toHeaderValue()).isEqualTo("bytes */1234");
    }

    @Test
    void unitIsCaseInsensitiveAndOuterWhitespaceIgnored() {
        assertThat(ContentRange.parse("  Bytes 1-1/2 ")).isEqualTo(new ContentRange(1, 1, 2));
    }

    @Test
    void largestValues() {
        long max = Long.MAX_VALUE;
        assertThat(ContentRange.parse("bytes 0-" + (max - 1) + "/" + max))
                .isEqualTo(new ContentRange(0, max - 1, max));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "bytes 5-3/10",            // first > last
        "bytes 0-10/10",           // last == total
        "bytes 0-99/50",           // last > total
        "bytes -1-5/10",           // negative
        "bytes 1--5/10",
        "bytes +1-5/10",           // sign
        "bytes 0-9223372036854775808/*", // overflow
        "bytes 0-99999999999999999999/*",
        "bytes */*",
        "bytes 0-5",               // no total
        "bytes 0/10",
        "items 0-5/10",            // other unit
        "bytes0-5/10",
        "bytes 0 - 5/10",
        "bytes 0-5/ 10",
        "bytes 0-5/10/11",
        "bytes 0x1-5/10",
        "bytes 0-5/-1",
        "bytes ٣-٥/١٠",            // non-ASCII digits
        "bytes */",
    })
    void rejects(String header) {
        assertThatThrownBy(() -> ContentRange.parse(header))
                .isExactlyInstanceOf(MalformedHeaderException.class)
                .hasMessageContaining("Content-Range");
    }

    @Test
    void messageSaysWhatIsWrong() {
        assertThatThrownBy(() -> ContentRange.parse("bytes 5-3/10"))
                .hasMessageContaining("first position 5 is after last position 3");
    }

    @Test
    void constructorEnforcesInvariants() {
        assertThatThrownBy(() -> new ContentRange(5, 3, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContentRange(0, 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentRange.unsatisfied(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContentRange(-2, 3, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rangeRequestValues() {
        assertThat(RangeRequest.startingAt(0)).isEqualTo("bytes=0-");
        assertThat(RangeRequest.startingAt(1_048_576)).isEqualTo("bytes=1048576-");
        assertThat(RangeRequest.between(0, 0)).isEqualTo("bytes=0-0");
        assertThat(RangeRequest.between(500, 999)).isEqualTo("bytes=500-999");
        assertThatThrownBy(() -> RangeRequest.startingAt(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RangeRequest.between(10, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RangeRequest.between(-1, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
