package app.ferry.engine.text;

import java.util.OptionalLong;

/**
 * The units a speed limit is typed in and shown in: 1024-based, like curl's {@code --limit-rate
 * 500K}. The window offers them in a list next to a number; {@link Units#parseSpeed} reads the
 * same units written as a suffix.
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
     * The bytes per second of an amount typed in this unit, 0 for an empty field or 0 (no limit),
     * empty when it is not a non-negative number. A comma is taken as the decimal point. A positive
     * value is at least 1 B/s, so a tiny number never silently turns into "no limit".
     */
    public OptionalLong parse(String amount) {
        return Units.amount(amount, shift);
    }

    /** {@code bytesPerSecond} in this unit, at most two decimals, without trailing zeros ("1.5", "500"). */
    public String amount(long bytesPerSecond) {
        return Units.inUnit(bytesPerSecond, shift);
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
}
