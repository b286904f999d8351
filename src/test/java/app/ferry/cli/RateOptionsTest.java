package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateOptionsTest {

    @Test
    void speedsUseCurlsSuffixes() {
        assertThat(RateOptions.parse("2000")).isEqualTo(2000);
        assertThat(RateOptions.parse("500K")).isEqualTo(500 * 1024);
        assertThat(RateOptions.parse("5M")).isEqualTo(5L << 20);
        assertThat(RateOptions.parse("5m")).isEqualTo(5L << 20);
        assertThat(RateOptions.parse("1.5G")).isEqualTo(3L << 29);
    }

    @Test
    void nonsenseIsExplained() {
        assertThatThrownBy(() -> RateOptions.parse("fast")).hasMessageContaining("500K");
        assertThatThrownBy(() -> RateOptions.parse("0")).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> RateOptions.parse("-1M")).hasMessageContaining("more than 0");
    }
}
