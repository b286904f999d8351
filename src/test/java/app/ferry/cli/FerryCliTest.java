package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FerryCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = FerryCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: ferry").contains("--version");
    }

    @Test
    void versionNamesFerryAndJava() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Ferry ").doesNotContain("unknown").contains("Java 25");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"get", "put", "post", "list", "resume"})
    void everyCommandHasItsOwnHelp(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: ferry " + command).contains("--state");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }
}
