package app.ferry.cli;

import java.util.Locale;

/** Human-readable sizes, speeds and durations for the terminal. */
final class Formats {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Formats() {
    }

    static String bytes(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    static String speed(long bytesPerSecond) {
        return bytes(bytesPerSecond) + "/s";
    }

    static String duration(long seconds) {
        if (seconds < 0) {
            return "--:--";
        }
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }
}
