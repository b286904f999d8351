package app.ferry.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

class ContentRangePropertiesTest {

    @Property(tries = 3000)
    void anyStringParsesToAValidRangeOrFailsWithMalformedHeader(@ForAll String header) {
        checkValidOrMalformed(header);
    }

    @Property(tries = 5000)
    void headerShapedStringsParseToAValidRangeOrFailWithMalformedHeader(@ForAll("headerShaped") String header) {
        Statistics.label("parsed").collect(checkValidOrMalformed(header));
        Statistics.label("parsed").coverage(coverage -> coverage.check(true).percentage(p -> p > 20.0));
    }

    /** Each part below a third of Long.MAX_VALUE, so the sums cannot overflow; the limit is an example test. */
    @Property(tries = 3000)
    void formattedRangeParsesBack(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 3) long first,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 3) long extra,
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 3) long slack,
            @ForAll boolean totalKnown) {
        long last = first + extra;
        ContentRange range = new ContentRange(first, last, totalKnown ? last + slack : -1);

        assertThat(ContentRange.parse(range.toHeaderValue())).isEqualTo(range);
    }

    @Property(tries = 1000)
    void formattedUnsatisfiedParsesBack(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long total) {
        ContentRange range = ContentRange.unsatisfied(total);

        assertThat(ContentRange.parse(range.toHeaderValue())).isEqualTo(range);
    }

    private static boolean checkValidOrMalformed(String header) {
        ContentRange range;
        try {
            range = ContentRange.parse(header);
        } catch (MalformedHeaderException expected) {
            return false;
        }
        if (range.isUnsatisfied()) {
            assertThat(range.first()).isEqualTo(-1);
            assertThat(range.last()).isEqualTo(-1);
            assertThat(range.total()).isNotNegative();
        } else {
            assertThat(range.first()).isNotNegative();
            assertThat(range.first()).isLessThanOrEqualTo(range.last());
            assertThat(range.total()).isGreaterThanOrEqualTo(-1);
            if (range.isTotalKnown()) {
                assertThat(range.last()).isLessThan(range.total());
            }
            assertThat(range.length()).isPositive();
        }
        return true;
    }

    @Provide
    Arbitrary<String> headerShaped() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 2000).map(String::valueOf),
                Arbitraries.strings().withChars("0123456789-*+ ").ofMaxLength(21),
                Arbitraries.of("*", "", "9223372036854775807", "9223372036854775808", "-1"));
        Arbitrary<String> junk = Combinators.combine(Arbitraries.of("bytes ", "BYTES ", "bytes", "items ", " bytes  "),
                        number, Arbitraries.of("-", "", "--", "/"), number, Arbitraries.of("/", "", "//"), number)
                .as((unit, a, dash, b, slash, c) -> unit + a + dash + b + slash + c);
        // Sorted positions, so that a good share is valid and exercises the success path; ties
        // (last == total) still produce invalid ones.
        Arbitrary<String> plausible = Arbitraries.longs().between(0, 2000).list().ofSize(3)
                .map(l -> l.stream().sorted().toList())
                .map(l -> "bytes " + l.get(0) + "-" + l.get(1) + "/" + l.get(2));
        return Arbitraries.oneOf(junk, plausible, Arbitraries.of("bytes */0", "bytes */12", "bytes 0-0/*"));
    }
}
