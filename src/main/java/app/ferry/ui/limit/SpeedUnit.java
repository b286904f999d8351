package app.ferry.ui.limit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;

/**
 * The units a speed limit is typed in, 1024-based like the CLI's {@code --limit-rate 500K}. The
 * GUI takes a number and a unit from a list instead of parsing curl's suffixes, so it needs no
 * parser shared with {@code app.ferry.cli} (which the ui may not use). Pure, tested without the toolkit.
 */
public enum SpeedUnit {
    KIB("KiB/s", 10),
    MIB("MiB/s", 20),
    GIB("GiB/s", 30);

    private final String label;
    private final int shift;

    SpeedUnit(String label, int shift) {
        this.label = label;
        this.shift = shift;
    }

    public String label() {
        return label;
    }

    /**
     * The bytes per second the user typed, 0 for an empty field or 0 (no limit), empty when it is
     * not a non-negative number. A comma is taken as the decimal point. A positive value is at
     * least 1 B/s, so a tiny number never silently turns into "no limit".
     */
    public OptionalLong parse(String text) {
        String value = text == null ? "" : text.strip().replace(',', '.');
        if (value.isEmpty()) {
            return OptionalLong.of(0);
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0) {
                return OptionalLong.empty();
            }
            if (amount.signum() == 0) {
                return OptionalLong.of(0);
            }
            long bytes = amount.multiply(BigDecimal.valueOf(1L << shift)).setScale(0, RoundingMode.HALF_UP).longValueExact();
            return OptionalLong.of(Math.max(1, bytes));
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code bytesPerSecond} in this unit, at most two decimals, without trailing zeros ("1.5", "500"). */
    public String amount(long bytesPerSecond) {
        BigDecimal amount = BigDecimal.valueOf(bytesPerSecond).divide(BigDecimal.valueOf(1L << shift), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return amount.toPlainString();
    }

    /** The largest unit in which the limit is at least 1 (KiB/s below that). */
    public static SpeedUnit of(long bytesPerSecond) {
        SpeedUnit best = KIB;
        for (SpeedUnit unit : values()) {
            if (bytesPerSecond >= 1L << unit.shift) {
                best = unit;
            }
        }
        return best;
    }

    /** "500 KiB/s", "1.5 MiB/s"; below 1 KiB/s in bytes ("100 B/s"). Only for limits above 0. */
    public static String format(long bytesPerSecond) {
        if (bytesPerSecond < 1024) {
            return bytesPerSecond + " B/s";
        }
        SpeedUnit unit = of(bytesPerSecond);
        return unit.amount(bytesPerSecond) + " " + unit.label;
    }
}
