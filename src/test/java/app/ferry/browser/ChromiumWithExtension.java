package app.ferry.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, with Ferry's unpacked extension and a native-messaging host
 * manifest in the test's own profile: the browser side of every end-to-end test and demo, so that
 * they differ only in the host they name and what they do with the page.
 */
final class ChromiumWithExtension {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private ChromiumWithExtension() {
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Writes {@code script}, an owner-only host executable: this JVM's java running {@code mainClass}
     * on this class path with {@code jvmOptions} and {@code args} first, then the browser's
     * arguments; its standard error is appended to {@code log} when one is given (standard output
     * is the browser's channel).
     */
    static Path hostScript(Path script, List<String> jvmOptions, String mainClass, List<String> args, Path log)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "exec " + quoted(java) + " " + words(jvmOptions) + " -cp "
                + quoted(System.getProperty("java.class.path")) + " " + mainClass + " " + words(args) + " \"$@\""
                + (log == null ? "" : " 2>>" + quoted(log.toString()));
        Files.writeString(script, "#!/bin/sh\n" + command + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** Starts Chromium with {@code profile}, in which the manifest names {@code host}. */
    static ChromeDriver start(Path profile, Path host, Duration scriptTimeout) throws IOException {
        Path manifests = Files.createDirectories(profile.resolve("NativeMessagingHosts"));
        Files.writeString(manifests.resolve(HostManifests.FILE_NAME),
                HostManifests.json(BrowserFamily.CHROMIUM, host, AllowedExtensions.ferry()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--load-extension=" + Path.of("browser/extension").toAbsolutePath(),
                "--disable-features=DisableLoadExtensionCommandLineSwitch");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(scriptTimeout);
        return driver;
    }

    private static String words(List<String> words) {
        return words.stream().map(ChromiumWithExtension::quoted).collect(Collectors.joining(" "));
    }

    /** One shell word, whatever it holds (a temp folder's name, a class path). */
    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
