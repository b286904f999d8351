package app.ferry.cli;

import java.math.BigDecimal;
import org.apache.commons.cli.Options;

/** curl's {@code --limit-rate}: a per-transfer limit, shared by all connections of that transfer. */
record RateOptions(String limitRate) {

    static void addTo(Options options) {
        options.addOption(CliOptions.valued(null, "limit-rate", "SPEED",
                "Limit each transfer to SPEED bytes per second, over all its connections; suffixes K, M, G"
                        + " (1024-based, as in curl), e.g. 500K or 5M."));
    }

    static RateOptions of(Arguments arguments) {
        return new RateOptions(arguments.value("limit-rate"));
    }

    /** Bytes per second, 0 for no limit. */
    long bytesPerSecond() {
        return limitRate == null ? 0 : parse(limitRate);
    }

    /**
     * Parses curl's notation: a number, optionally with a fraction, and one of K, M, G, T (any case).
     *
     * @throws IllegalArgumentException with a message for the user
     */
    static long parse(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("--limit-rate needs a speed, e.g. 5M");
        }
        char unit = Character.toUpperCase(value.charAt(value.length() - 1));
        int shift = switch (unit) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> 0;
        };
        String number = shift == 0 ? value : value.substring(0, value.length() - 1);
        try {
            BigDecimal bytes = new BigDecimal(number).multiply(BigDecimal.valueOf(1L << shift));
            if (bytes.signum() <= 0) {
                throw new IllegalArgumentException("--limit-rate must be more than 0, not " + text);
            }
            return bytes.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--limit-rate takes a speed like 500K, 5M or 1.5G, not \"" + text + "\"");
        }
    }
}
