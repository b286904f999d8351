package app.ferry.ui;

import app.ferry.engine.text.Units;

/**
 * Sizes, speeds and durations as the table shows them: {@link Units}' formats, with an unknown
 * value (and a speed of 0) left blank so that the cell stays empty. Pure functions, no toolkit.
 */
public final class Formats {

    private Formats() {
    }

    /** "12.3 MiB"; an unknown size (negative) is an empty string so the cell stays blank. */
    public static String bytes(long bytes) {
        return Units.bytes(bytes, "");
    }

    public static String speed(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "" : Units.speed(bytesPerSecond);
    }

    /** "0:42", "12:05", "3:04:05"; unknown is empty. */
    public static String duration(long seconds) {
        return Units.duration(seconds, "");
    }

    /** "42 %" for a fraction in [0, 1]; unknown (negative) is empty. */
    public static String percent(double fraction) {
        return Units.percent(fraction, "");
    }
}
