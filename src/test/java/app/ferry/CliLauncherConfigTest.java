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

    /**
     * jpackage's Linux launcher asks dpkg and rpm about itself before every start (0.4-0.6 s): the
     * command line's and the browsers' launchers are scripts that start the runtime's java, which
     * the runtime must therefore keep, and the command line's still uses its AOT cache.
     */
    @Test
    void theCommandLineLaunchersAreScriptsStartingTheRuntimesJava() throws IOException {
        String script = Files.readString(PACKAGING.resolve("package.sh"));
        assertThat(script).contains("script_launcher ferry\n  check_aot_cache \"$out/Ferry\" ferry\n")
                .contains("script_launcher ferry-host\n")
                .contains("exec \"\\$APPDIR/../runtime/bin/java\"")
                .doesNotContain("script_launcher Ferry");
        List<String> common = argsOf(PACKAGING.resolve("jpackage-common.args"));
        assertThat(common).contains("--jlink-options").doesNotContain("--strip-native-commands");
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

    @Test
    void theAppImageDeclaresTheBrowserHostLauncherRunningHostMainOnASmallHeap() throws IOException {
        List<String> args = argsOf(PACKAGING.resolve("linux/jpackage-linux-image.args"));
        assertThat(args).containsSubsequence("--add-launcher", "ferry-host=packaging/linux/ferry-host.properties");
        Properties host = properties("linux/ferry-host.properties");
        assertThat(host.getProperty("main-class")).isEqualTo(app.ferry.browser.HostMain.class.getName());
        List<String> options = Arrays.asList(host.getProperty("java-options").trim().split("\\s+"));
        assertThat(options).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // Without it the host would start itself as "the window": jpackage.app-path names the host launcher.
                "-D" + WindowProcess.PROPERTY + "=$APPDIR/../../bin/Ferry");
        assertThat(options.stream().filter(o -> o.startsWith("-Xmx")).map(CliLauncherConfigTest::mebibytes))
                .singleElement().satisfies(mib -> assertThat(mib).isLessThanOrEqualTo(64));
        assertThat(options).noneMatch(o -> o.startsWith("-XX:AOTCache"));
        assertThat(host.getProperty("linux-shortcut")).isEqualTo("false");
        assertThat(Files.readString(PACKAGING.resolve("linux/ferry-host.desktop"))).contains("NoDisplay=true")
                .contains("Exec=/opt/ferry/bin/ferry-host");
        assertThat(Files.readString(PACKAGING.resolve("package.sh")))
                .contains("cp packaging/linux/ferry-host.desktop \"$resources/ferry-host.desktop\"");
    }

    @Test
    void theDebInstallsTheBrowsersSystemWideHostManifestsAndRemovesThem() throws IOException {
        String script = Files.readString(PACKAGING.resolve("package.sh"));
        assertThat(script).contains("for browser in chromium chrome firefox; do",
                "\"$1/bin/ferry\" browser manifest --browser=\"$browser\" --host=/opt/ferry/bin/ferry-host",
                "write_browser_manifests \"$out/Ferry\"");
        String postinst = Files.readString(PACKAGING.resolve("linux/postinst"));
        assertThat(postinst).contains("install_browser_manifest chromium /etc/chromium/native-messaging-hosts",
                "install_browser_manifest chrome /etc/opt/chrome/native-messaging-hosts",
                "install_browser_manifest firefox /usr/lib/mozilla/native-messaging-hosts",
                "\"$2/app.ferry.host.json\"");
        String prerm = Files.readString(PACKAGING.resolve("linux/prerm"));
        assertThat(prerm).contains("/etc/chromium/native-messaging-hosts/app.ferry.host.json",
                "/etc/opt/chrome/native-messaging-hosts/app.ferry.host.json",
                "/usr/lib/mozilla/native-messaging-hosts/app.ferry.host.json", "rm -f \"$manifest\"");
        // The removal sits in the branch dpkg runs on remove.
        assertThat(prerm.indexOf("rm -f \"$manifest\"")).isBetween(prerm.indexOf("remove|upgrade|deconfigure)"),
                prerm.indexOf("failed-upgrade)"));
    }

    private static Properties cliLauncher() throws IOException {
        return properties("linux/ferry-cli.properties");
    }

    private static Properties properties(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PACKAGING.resolve(file))) {
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
