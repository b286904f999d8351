package app.ferry.cli;

import org.apache.commons.cli.Option;

/** Builds the two kinds of option ferry has: flags, and options that take one value each time they are given. */
final class CliOptions {

    private CliOptions() {
    }

    /** {@code -s, --long VALUE}; {@code shortName} may be null. */
    static Option valued(String shortName, String longName, String valueName, String description) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(valueName).desc(description).get();
    }

    static Option flag(String shortName, String longName, String description) {
        return Option.builder(shortName).longOpt(longName).desc(description).get();
    }
}
