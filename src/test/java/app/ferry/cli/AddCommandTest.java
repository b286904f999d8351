package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.testing.FerryRunner;
import app.ferry.testing.FerryRunner.Result;
import org.junit.jupiter.api.Test;

/**
 * {@code ferry add}'s own checks, which run before it looks for a window (the hand-off itself is
 * tested with real processes in {@code app.ferry.handoff}).
 */
class AddCommandTest {

    @Test
    void helpDescribesTheHandOffWithinTheWidth() {
        Result run = FerryRunner.inProcess("add", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: ferry add [OPTIONS] [URL...]").contains("--start-timeout=SECONDS")
                .contains("--background").contains("--input-file=FILE");
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void noUrlIsAUsageErrorWithAnExample() {
        Result run = FerryRunner.inProcess("add");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("add needs at least one URL, e.g. ferry add https://");
    }

    @Test
    void everyBadArgumentIsNamedAtOnce() {
        Result run = FerryRunner.inProcess("add", "--start-timeout", "0", "mailto:a@b.c", "http://u:p@127.0.0.1/x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--start-timeout must be at least 1 second")
                .contains("url: ").contains("mailto:")
                .contains("holds a user name or password");
    }
}
