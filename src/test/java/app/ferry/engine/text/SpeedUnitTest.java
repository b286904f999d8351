package app.ferry.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the speed fields accept and how limits are shown: 1024-based, like the CLI's --limit-rate. */
class SpeedUnitTest {

    @Test
    void numbersTimesTheUnit() {
        assertThat(SpeedUnit.KIB.parse("500").getAsLong()).isEqualTo(512_000);
        assertThat(SpeedUnit.MIB.parse(" 5 ").getAsLong()).isEqualTo(5_242_880);
        assertThat(SpeedUnit.GIB.parse("1.5").getAsLong()).isEqualTo(1_610_612_736);
        assertThat(SpeedUnit.MIB.parse("1,5").getAsLong()).as("decimal comma").isEqualTo(1_572_864);
    }

    @Test
    void emptyOrZeroIsNoLimitAndNonsenseIsRefused() {
        assertThat(SpeedUnit.MIB.parse("").getAsLong()).isZero();
        assertThat(SpeedUnit.MIB.parse("  ").getAsLong()).isZero();
        assertThat(SpeedUnit.MIB.parse("0").getAsLong()).isZero();
        assertThat(SpeedUnit.KIB.parse("0.0001").getAsLong()).as("tiny is not 'none'").isEqualTo(1);
        assertThat(SpeedUnit.MIB.parse("-1")).isEmpty();
        assertThat(SpeedUnit.MIB.parse("5M")).isEmpty();
        assertThat(SpeedUnit.MIB.parse("abc")).isEmpty();
        assertThat(SpeedUnit.GIB.parse("99999999999")).as("beyond a long").isEmpty();
    }

    @Test
    void shownInTheLargestUnitItFills() {
        assertThat(Units.limit(512_000)).isEqualTo("500 KiB/s");
        assertThat(Units.limit(1_572_864)).isEqualTo("1.5 MiB/s");
        assertThat(Units.limit(1_000_000)).isEqualTo("976.56 KiB/s");
        assertThat(Units.limit(3L << 30)).isEqualTo("3 GiB/s");
        assertThat(Units.limit(100)).isEqualTo("100 B/s");
        assertThat(SpeedUnit.of(1_000_000)).isEqualTo(SpeedUnit.KIB);
        assertThat(SpeedUnit.MIB.amount(5L << 20)).isEqualTo("5");
    }
}
