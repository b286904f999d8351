package app.ferry.engine.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Sizes, speeds and durations for people, as both front ends show and read them. Every unit is
 * 1024-based (KiB, MiB…), as curl, wget and aria2 count, so a limit typed as {@code 500K} in the
 * terminal and as 500 KiB/s in the window is the same number of bytes.
 *
 * <p>What an unknown value looks like is the caller's choice (a blank table cell, a {@code ?} in
 * a terminal line), so the formatting methods that can meet one take that text.
 */
public final class Units {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Units() {
    }

    /** "512 B", "1.5 KiB", "5.0 GiB"; {@code unknown} for a negative (unknown) size. */
    public static String bytes(long bytes, String unknown) {
        if (bytes < 0) {
            return unknown;
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** "2.0 KiB/s", "0 B/s": a measured speed (0 or more). */
    public static String speed(long bytesPerSecond) {
        return bytes(Math.max(0, bytesPerSecond), "") + "/s";
    }

    /** "0:42", "12:05", "3:04:05"; {@code unknown} for a negative (unknown) duration. */
    public static String duration(long seconds, String unknown) {
        if (seconds < 0) {
            return unknown;
        }
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /**
     * "00:42", "12:05", "3:04:05": like {@link #duration} with two-digit minutes, so that a live
     * terminal line keeps its width while the time counts down.
     */
    public static String clock(long seconds, String unknown) {
        return seconds >= 0 && seconds < 600 ? "0" + duration(seconds, unknown) : duration(seconds, unknown);
    }

    /** "42 %" for a fraction in [0, 1], rounded down so that 100 % means done; {@code unknown} when negative. */
    public static String percent(double fraction, String unknown) {
        return fraction < 0 ? unknown : String.format(Locale.ROOT, "%d %%", (int) Math.floor(fraction * 100));
    }

    /**
     * A speed limit as typed: "500 KiB/s", "1.5 MiB/s", "976.56 KiB/s" (exact to two decimals, in
     * the largest unit it fills); below 1 KiB/s in bytes ("100 B/s"). Only for limits above 0.
     */
    public static String limit(long bytesPerSecond) {
        if (bytesPerSecond < 1024) {
            return bytesPerSecond + " B/s";
        }
        SpeedUnit unit = SpeedUnit.of(bytesPerSecond);
        return unit.amount(bytesPerSecond) + " " + unit.label();
    }

    /**
     * Reads a speed written as curl writes it: a number, optionally with a fraction (a comma is a
     * decimal point too), and a suffix K, M, G or T (any case, 1024-based), which may be spelt out
     * as KiB, MiB… with or without "/s" ({@code 2000}, {@code 500K}, {@code 1.5G}, {@code 5 MiB/s}).
     * A positive value is at least 1 B/s, so a tiny number never turns into "no limit".
     *
     * @return bytes per second, 0 when the text says 0
     * @throws IllegalArgumentException saying what was wrong, for the user
     */
    public static long parseSpeed(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no speed given: write one like 500K, 5M or 1.5G");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.endsWith("/s")) {
            lower = lower.substring(0, lower.length() - 2);
        }
        if (lower.endsWith("ib")) {
            lower = lower.substring(0, lower.length() - 2);
        } else if (lower.endsWith("b")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        int shift = lower.isEmpty() ? 0 : switch (lower.charAt(lower.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String number = shift == 0 ? lower : lower.substring(0, lower.length() - 1);
        if (number.strip().startsWith("-")) {
            throw new IllegalArgumentException("a speed must be 0 or more, not " + value);
        }
        OptionalLong bytes = amount(number, shift);
        if (number.isBlank() || bytes.isEmpty()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a speed: write one like 500K, 5M or 1.5G");
        }
        return bytes.getAsLong();
    }

    /** {@code amount × 2^shift} rounded, at least 1 when positive; 0 for blank; empty when not a non-negative number. */
    static OptionalLong amount(String amount, int shift) {
        String value = amount == null ? "" : amount.strip().replace(',', '.');
        if (value.isEmpty()) {
            return OptionalLong.of(0);
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() < 0) {
                return OptionalLong.empty();
            }
            if (number.signum() == 0) {
                return OptionalLong.of(0);
            }
            long bytes = number.multiply(BigDecimal.valueOf(1L << shift)).setScale(0, RoundingMode.HALF_UP).longValueExact();
            return OptionalLong.of(Math.max(1, bytes));
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code bytes / 2^shift} with at most two decimals and no trailing zeros. */
    static String inUnit(long bytes, int shift) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << shift), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
