package app.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code ferry} command as declared in packaging/ (jpackage's --add-launcher), read
 * from the files package.sh passes to jpackage; building the packages is too slow for the suite
 * (packaging/package.sh deb, ~2 min) and checked by hand (packaging/README.md).
 */
class CliLauncherConfigTest {

    private static final Path PACKAGING = Path.of("packaging");

    @Test
    void theAppImageDeclaresTheFerryLauncherWithItsPropertiesFile() throws IOException {
        List<String> args = argsOf(PACKAGING.resolve("linux/jpackage-linux-image.args"));
        assertThat(args).containsSubsequence("--add-launcher", "ferry=packaging/linux/ferry-cli.properties");
        assertThat(Files.readString(PACKAGING.resolve("package.sh")))
                .contains("@packaging/linux/jpackage-linux-image.args")
                .contains("train_aot_cache ferry ferry-cli.aot")
                .contains("check_aot_cache \"$train_dir/opt/ferry\" ferry");
    }

    @Test
    void theFerryLauncherRunsASmallSerialHeapWithItsOwnAotCacheAndNoMenuEntry() throws IOException {
        Properties launcher = cliLauncher();
        List<String> options = Arrays.asList(launcher.getProperty("java-options").trim().split("\\s+"));
        assertThat(options).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:AOTCache=$APPDIR/ferry-cli.aot", "-Xlog:aot=off", "-Xlog:cds=off",
                "-Djdk.httpclient.bufsize=" + JvmTuning.HTTP_BUFFER_SIZE,
                "-D" + WindowProcess.PROPERTY + "=$APPDIR/../../bin/Ferry");
        // M1's goal is a peak RSS of at most 128 MB for a 4 GiB download: the heap must stay far below it.
        assertThat(options.stream().filter(o -> o.startsWith("-Xmx")).map(CliLauncherConfigTest::mebibytes))
                .singleElement().satisfies(mib -> assertThat(mib).isLessThanOrEqualTo(64));
        assertThat(options).noneMatch(o -> o.startsWith("-XX:+UseG1GC") || o.startsWith("-XX:+UseParallelGC"));
        assertThat(launcher.getProperty("linux-shortcut")).isEqualTo("false");
    }

    @Test
    void theWindowLauncherKeepsItsLargerHeap() throws IOException {
        List<String> common = argsOf(PACKAGING.resolve("jpackage-common.args"));
        assertThat(common).contains("-Xmx256m");
    }

    @Test
    void theDebLinksTheCommandOntoThePathAndRemovesOnlyItsOwnLink() throws IOException {
        assertThat(Files.readString(PACKAGING.resolve("linux/postinst")))
                .contains("ln -sfn \"/opt/ferry/bin/ferry\" /usr/bin/ferry");
        assertThat(Files.readString(PACKAGING.resolve("linux/prerm")))
                .contains("if [ \"$(readlink /usr/bin/ferry)\" = \"/opt/ferry/bin/ferry\" ]; then\n  rm -f /usr/bin/ferry");
    }

    private static Properties cliLauncher() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PACKAGING.resolve("linux/ferry-cli.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /** The args file's tokens, without comment lines (jpackage's @file syntax, unquoted here). */
    private static List<String> argsOf(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .flatMap(line -> Arrays.stream(line.split("\\s+")))
                .toList();
    }

    private static long mebibytes(String xmx) {
        String size = xmx.substring("-Xmx".length()).toLowerCase();
        long number = Long.parseLong(size.replaceAll("[kmg]$", ""));
        return switch (size.charAt(size.length() - 1)) {
            case 'g' -> number << 10;
            case 'm' -> number;
            case 'k' -> number >> 10;
            default -> number >> 20;
        };
    }
}
