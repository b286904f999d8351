package app.ferry.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A 206 is written only when it is exactly the part that was asked for. */
class RangeCheckTest {

    private static final URI FILE = URI.create("http://h/f");

    @Test
    void theAskedPartPasses() throws RangeMismatch {
        assertThat(RangeCheck.verify(asked(100, 199), contentRange("bytes 100-199/1000"), 1000).length()).isEqualTo(100);
        assertThat(RangeCheck.verify(asked(100, -1), contentRange("bytes 100-999/1000"), -1).total()).isEqualTo(1000);
        // The total may be unknown to the server: the end cannot be checked then.
        assertThat(RangeCheck.verify(asked(100, -1), contentRange("bytes 100-499/*"), -1).last()).isEqualTo(499);
    }

    @Test
    void anyOtherPartIsAMismatchNamingWhatWasAskedAndAnswered() {
        assertMismatch(asked(100, 199), "bytes 101-199/1000", 1000, "bytes 100-199 of 1000", "\"bytes 101-199/1000\"");
        assertMismatch(asked(100, 199), "bytes 100-198/1000", 1000, "bytes 100-199");
        assertMismatch(asked(100, 199), "bytes 100-199/2000", 1000, "of 1000");
        assertMismatch(asked(100, -1), "bytes 100-899/1000", -1, "bytes 100-");
        assertMismatch(asked(0, -1), "bytes 5-999/1000", -1, "bytes 0-");
    }

    @Test
    void aMissingOrBrokenContentRangeIsAMismatch() {
        assertMismatch(asked(0, 9), null, -1, "without a Content-Range");
        assertMismatch(asked(0, 9), "bytes ten-twenty/30", -1, "invalid Content-Range", "ten-twenty");
        assertMismatch(asked(0, 9), "bytes */30", -1, "unsatisfied Content-Range");
    }

    private static ExchangeRequest asked(long first, long last) {
        return ExchangeRequest.download(FILE, FILE).range(first, last, null);
    }

    private static HttpHeaders contentRange(String value) {
        return HttpHeaders.of(value == null ? Map.of() : Map.of("Content-Range", List.of(value)), (a, b) -> true);
    }

    private static void assertMismatch(ExchangeRequest asked, String value, long total, String... said) {
        assertThatThrownBy(() -> RangeCheck.verify(asked, contentRange(value), total))
                .isInstanceOf(RangeMismatch.class)
                .hasMessageContainingAll(said);
    }
}
