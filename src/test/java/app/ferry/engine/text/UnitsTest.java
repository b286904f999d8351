package app.ferry.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one formatting and parsing home both front ends use. */
class UnitsTest {

    @Test
    void sizesAreBinaryWithOneDecimalAndUnknownIsTheCallersText() {
        assertThat(Units.bytes(-1, "?")).isEqualTo("?");
        assertThat(Units.bytes(-1, "")).isEmpty();
        assertThat(Units.bytes(0, "?")).isEqualTo("0 B");
        assertThat(Units.bytes(512, "")).isEqualTo("512 B");
        assertThat(Units.bytes(1536, "")).isEqualTo("1.5 KiB");
        assertThat(Units.bytes(5L << 30, "")).isEqualTo("5.0 GiB");
        assertThat(Units.bytes(3L << 50, "")).as("beyond TiB stays in TiB").isEqualTo("3072.0 TiB");
        assertThat(Units.speed(0)).isEqualTo("0 B/s");
        assertThat(Units.speed(2048)).isEqualTo("2.0 KiB/s");
    }

    @Test
    void durationsAndTheTerminalsFixedWidthClock() {
        assertThat(Units.duration(-1, "")).isEmpty();
        assertThat(Units.duration(42, "")).isEqualTo("0:42");
        assertThat(Units.duration(12 * 60 + 5, "")).isEqualTo("12:05");
        assertThat(Units.duration(3 * 3600 + 4 * 60 + 5, "")).isEqualTo("3:04:05");
        assertThat(Units.clock(-1, "--:--")).isEqualTo("--:--");
        assertThat(Units.clock(42, "--:--")).isEqualTo("00:42");
        assertThat(Units.clock(9 * 60 + 59, "")).isEqualTo("09:59");
        assertThat(Units.clock(12 * 60 + 5, "")).isEqualTo("12:05");
        assertThat(Units.clock(3 * 3600 + 4 * 60 + 5, "")).isEqualTo("3:04:05");
        assertThat(Units.percent(-1, "")).isEmpty();
        assertThat(Units.percent(0.999, "")).isEqualTo("99 %");
        assertThat(Units.percent(1, "")).isEqualTo("100 %");
    }

    @Test
    void speedsAreReadInCurlsNotationAndSpeltOutUnits() {
        assertThat(Units.parseSpeed("2000")).isEqualTo(2000);
        assertThat(Units.parseSpeed("500K")).isEqualTo(500 * 1024);
        assertThat(Units.parseSpeed("5m")).isEqualTo(5L << 20);
        assertThat(Units.parseSpeed("1.5G")).isEqualTo(3L << 29);
        assertThat(Units.parseSpeed("1,5G")).as("decimal comma").isEqualTo(3L << 29);
        assertThat(Units.parseSpeed("2T")).isEqualTo(2L << 40);
        assertThat(Units.parseSpeed("5 MiB/s")).isEqualTo(5L << 20);
        assertThat(Units.parseSpeed("500 KiB")).isEqualTo(500 * 1024);
        assertThat(Units.parseSpeed("100 B/s")).isEqualTo(100);
        assertThat(Units.parseSpeed("0")).as("0 is the caller's to refuse or take as none").isZero();
        assertThat(Units.parseSpeed("0.0001K")).as("tiny is not 'none'").isEqualTo(1);
    }

    @Test
    void whatIsNotASpeedIsExplained() {
        assertThatThrownBy(() -> Units.parseSpeed("fast")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"fast\"").hasMessageContaining("500K");
        assertThatThrownBy(() -> Units.parseSpeed("")).hasMessageContaining("no speed given");
        assertThatThrownBy(() -> Units.parseSpeed("K")).hasMessageContaining("is not a speed");
        assertThatThrownBy(() -> Units.parseSpeed("-1M")).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> Units.parseSpeed("99999999999G")).as("beyond a long").hasMessageContaining("is not a speed");
    }

    @Test
    void theParserReadsBackWhatTheFormatterWrites() {
        for (long limit : new long[] {1024, 512_000, 1_572_864, 5L << 20, 3L << 30}) {
            assertThat(Units.parseSpeed(Units.limit(limit))).as(Units.limit(limit)).isEqualTo(limit);
        }
    }
}
