package app.ferry.cli;

import app.ferry.engine.text.Units;
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
     * Parses curl's notation with the window's parser ({@link Units#parseSpeed}); unlike the
     * window, 0 is refused: leaving the option out is how the terminal says "no limit".
     *
     * @throws IllegalArgumentException with a message for the user
     */
    static long parse(String text) {
        long bytes;
        try {
            bytes = Units.parseSpeed(text);
        } catch (IllegalArgumentException e) {
            if (text.strip().startsWith("-")) {
                throw new IllegalArgumentException("--limit-rate must be more than 0, not " + text, e);
            }
            throw new IllegalArgumentException("--limit-rate takes a speed like 500K, 5M or 1.5G, not \"" + text + "\"", e);
        }
        if (bytes == 0) {
            throw new IllegalArgumentException("--limit-rate must be more than 0, not " + text);
        }
        return bytes;
    }
}
