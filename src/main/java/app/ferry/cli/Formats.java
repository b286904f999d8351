package app.ferry.cli;

import app.ferry.engine.text.Units;

/** How the terminal shows what it does not know yet; the formats themselves are {@link Units}'. */
final class Formats {

    private Formats() {
    }

    static String bytes(long bytes) {
        return Units.bytes(bytes, "?");
    }

    static String speed(long bytesPerSecond) {
        return Units.speed(bytesPerSecond);
    }

    static String duration(long seconds) {
        return Units.clock(seconds, "--:--");
    }
}
