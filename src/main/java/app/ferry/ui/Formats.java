package app.ferry.ui;

import java.util.Locale;

/** Sizes, speeds and durations as the table shows them. Pure functions, no toolkit. */
public final class Formats {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Formats() {
    }

    /** "12.3 MiB"; an unknown size (negative) is an empty string so the cell stays blank. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    public static String speed(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? "" : bytes(bytesPerSecond) + "/s";
    }

    /** "0:42", "12:05", "3:04:05"; unknown is empty. */
    public static String duration(long seconds) {
        if (seconds < 0) {
            return "";
        }
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** "42 %" for a fraction in [0, 1]; unknown (negative) is empty. */
    public static String percent(double fraction) {
        return fraction < 0 ? "" : String.format(Locale.ROOT, "%d %%", (int) Math.floor(fraction * 100));
    }
}
