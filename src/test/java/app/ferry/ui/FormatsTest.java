package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void sizesSpeedsDurationsPercentages() {
        assertThat(Formats.bytes(-1)).isEmpty();
        assertThat(Formats.bytes(512)).isEqualTo("512 B");
        assertThat(Formats.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Formats.bytes(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
        assertThat(Formats.speed(0)).isEmpty();
        assertThat(Formats.speed(2048)).isEqualTo("2.0 KiB/s");
        assertThat(Formats.duration(-1)).isEmpty();
        assertThat(Formats.duration(42)).isEqualTo("0:42");
        assertThat(Formats.duration(3 * 3600 + 4 * 60 + 5)).isEqualTo("3:04:05");
        assertThat(Formats.percent(-1)).isEmpty();
        assertThat(Formats.percent(0.999)).isEqualTo("99 %");
        assertThat(Formats.percent(1)).isEqualTo("100 %");
    }
}
