package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.testing.FerryRunner;
import app.ferry.testing.FerryRunner.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrowserCommandTest {

    @Test
    void manifestPrintsWhatAPackageInstallsForFirefox() throws Exception {
        Result run = FerryRunner.inProcess("browser", "manifest", "--browser", "firefox", "--host", "/opt/ferry/bin/ferry-host");

        assertThat(run.exitCode()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(run.out());
        assertThat(manifest.get("path").asText()).isEqualTo("/opt/ferry/bin/ferry-host");
        assertThat(manifest.get("allowed_extensions").get(0).asText()).isEqualTo("ferry-extension@ferry.app");
    }

    @Test
    void manifestPrintsChromiumsFormatForChrome() throws Exception {
        Result run = FerryRunner.inProcess("browser", "manifest", "--browser=chrome", "--host=/opt/ferry/bin/ferry-host");

        assertThat(new ObjectMapper().readTree(run.out()).get("allowed_origins").get(0).asText())
                .isEqualTo("chrome-extension://pfclofcjdekpalioejjmckmiglbpbfdc/");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        " | browser takes install, uninstall or manifest, not nothing",
        "frob | browser takes install, uninstall or manifest, not frob",
        "install --browser opera | there is no browser \"opera\"; choose chromium, chrome, firefox",
        "manifest --browser firefox | browser manifest needs one --browser and the absolute --host path",
        "manifest --host /x/ferry-host | browser manifest needs one --browser",
        "manifest --browser chrome --host bin/ferry-host | the absolute --host path"})
    void mistakesAreUsageErrorsThatSayWhatToDo(String line) {
        String[] parts = line.split(" \\| ");
        String[] words = parts[0].isBlank() ? new String[0] : parts[0].strip().split(" ");
        String[] args = new String[words.length + 1];
        args[0] = "browser";
        System.arraycopy(words, 0, args, 1, words.length);

        Result run = FerryRunner.inProcess(args);

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("ferry: ").contains(parts[1]);
    }

    @Test
    void helpNamesTheActionsAndFitsTheTerminal() {
        Result run = FerryRunner.inProcess("browser", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: ferry browser [OPTIONS] install|uninstall|manifest").contains("--browser=NAME");
        assertThat(run.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        assertThat(FerryRunner.inProcess("--help").out()).containsPattern("(?m)^  browser +\\S");
    }
}
