package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.testing.FerryRunner;
import app.ferry.testing.FerryRunner.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FerryCliTest {

    @Test
    void helpListsUsageAndEveryCommand() {
        Result run = FerryRunner.inProcess("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: ferry").contains("--version").contains("Exit codes:");
        for (String command : new String[] {"get", "put", "post", "list", "resume", "add"}) {
            assertThat(run.out()).containsPattern("(?m)^  " + command + " +\\S");
        }
    }

    @Test
    void versionNamesFerryAndJava() {
        Result run = FerryRunner.inProcess("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Ferry ").doesNotContain("unknown").contains("Java 25");
        assertThat(FerryRunner.inProcess("get", "-V").out()).isEqualTo(run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "put", "post", "list", "resume"})
    void everyCommandHasItsOwnHelp(String command) {
        Result run = FerryRunner.inProcess(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: ferry " + command).contains("--state=DIR").contains("-h, --help");
        // Descriptions wrap beside their option rather than run off to the right.
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void unknownCommandIsAUsageError() {
        Result run = FerryRunner.inProcess("frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("ferry: ").contains("\"frobnicate\"").contains("get, put, post, list, resume");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "get --bogus http://h.example/x | unknown option --bogus (see ferry get --help)",
        "get --state | --state needs a value (DIR)",
        "get --sta x http://h.example/x | unknown option --sta",
        "get | get needs at least one URL",
        "get --retries many http://h.example/x | --retries takes a whole number, not \"many\"",
        "get -x two http://h.example/x | --connections takes a whole number, not \"two\"",
        "resume --retry-delay soon | --retry-delay takes a number such as 1 or 0.5, not \"soon\"",
        "put onlyone | put takes FILE and URL, not onlyone",
        "post http://h.example/x | post needs at least one -F field",
        "list extra | list takes no arguments, not extra",
        "get -d a -d b http://h.example/x | --dir is given more than once",
        "post -Fa=b -F c=d --retries x http://h.example/x | --retries takes a whole number, not \"x\"",
        "put --parallel 0 - http://127.0.0.1:9/x | --parallel must be at least 1",
        "put --content-type=a\u0007b - http://127.0.0.1:9/x | --content-type takes a media type",
    })
    void aWrongCommandLineSaysWhatIsWrongOnOneLine(String line) {
        String[] parts = line.split(" \\| ");
        Result run = FerryRunner.inProcess(parts[0].split(" "));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().lines().toList()).as(run.toString()).singleElement()
                .asString().startsWith("ferry: ").contains(parts[1]);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noCommandAtAllIsAUsageError() {
        Result run = FerryRunner.inProcess("--state", "x");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("there is no command \"--state\"");
    }
}
