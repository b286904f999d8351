package app.ferry.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserSetupTest {

    @TempDir
    Path home;

    @Test
    void aCheckoutGetsAHostScriptThatRunsHostMainWithThisJvm() throws IOException {
        BrowserSetup setup = new BrowserSetup(new ManifestLocations("Linux", home, Map.of()),
                Map.of("java.home", "/jdk", "java.class.path", "target/classes:/abs/lib/jackson.jar"), home.resolve("data"));

        Path script = setup.host(null);

        assertThat(script).isEqualTo(home.resolve("data/browser/ferry-host"));
        String text = Files.readString(script);
        assertThat(text).startsWith("#!/bin/sh\n").contains("exec '/jdk/bin/java'").contains("app.ferry.browser.HostMain \"$@\"")
                .contains(Path.of("target/classes").toAbsolutePath() + ":/abs/lib/jackson.jar");
        assertThat(Files.getPosixFilePermissions(script)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void anInstalledFerryNamesTheFerryHostLauncherBesideItsOwn() throws IOException {
        Path bin = Files.createDirectories(home.resolve("opt/ferry/bin"));
        Path host = Files.createFile(bin.resolve("ferry-host"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        BrowserSetup setup = new BrowserSetup(new ManifestLocations("Linux", home, Map.of()),
                Map.of("jpackage.app-path", bin.resolve("Ferry").toString()), home.resolve("data"));

        assertThat(setup.host(null)).isEqualTo(host);
    }

    @Test
    void aMissingInstalledLauncherIsReportedNotPapered() {
        BrowserSetup setup = new BrowserSetup(new ManifestLocations("Linux", home, Map.of()),
                Map.of("jpackage.app-path", home.resolve("opt/ferry/bin/Ferry").toString()), home.resolve("data"));

        assertThatThrownBy(() -> setup.host(null)).isInstanceOf(IOException.class).hasMessageContaining("reinstall Ferry");
    }

    @Test
    void installWritesEachBrowsersManifestAndUninstallRemovesThem() throws IOException {
        BrowserSetup setup = new BrowserSetup(new ManifestLocations("Linux", home, Map.of()), Map.of(), home.resolve("data"));
        Path host = Path.of("/opt/ferry/bin/ferry-host");

        List<BrowserSetup.Step> installed = setup.install(EnumSet.allOf(BrowserFamily.class), host);

        assertThat(installed).extracting(BrowserSetup.Step::family).containsExactly(BrowserFamily.CHROMIUM, BrowserFamily.CHROME, BrowserFamily.FIREFOX);
        Path chrome = home.resolve(".config/google-chrome/NativeMessagingHosts/app.ferry.host.json");
        Path firefox = home.resolve(".mozilla/native-messaging-hosts/app.ferry.host.json");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(chrome.toFile()).get("allowed_origins")).isNotNull();
        assertThat(json.readTree(firefox.toFile()).get("allowed_extensions").get(0).asText()).isEqualTo(AllowedExtensions.FERRY_FIREFOX_ID);
        assertThat(json.readTree(firefox.toFile()).get("path").asText()).isEqualTo(host.toString());
        assertThat(installed).allSatisfy(s -> assertThat(s.registryCommand()).isNull());

        assertThat(setup.uninstall(EnumSet.of(BrowserFamily.FIREFOX))).extracting(BrowserSetup.Step::manifest).containsExactly(firefox);
        assertThat(firefox).doesNotExist();
        assertThat(chrome).exists();
        assertThat(setup.uninstall(EnumSet.of(BrowserFamily.FIREFOX))).isEmpty();
    }

    @Test
    void onWindowsInstallSaysWhichRegistryKeyToSet() throws IOException {
        BrowserSetup setup = new BrowserSetup(new ManifestLocations("Windows 11", home, Map.of("LOCALAPPDATA", home.toString())),
                Map.of(), home.resolve("data"));

        BrowserSetup.Step step = setup.install(EnumSet.of(BrowserFamily.CHROME), Path.of("/opt/ferry/ferry-host.exe")).getFirst();

        assertThat(step.registryCommand()).startsWith("reg add \"HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\app.ferry.host\" /ve")
                .contains(step.manifest().toString());
        assertThat(step.manifest()).exists();
    }

    @Test
    void installedReadsTheManifestFilesAfterInstallAndUninstall() throws IOException {
        // macOS: no system-wide folder to consult, so this machine's /etc cannot change the answer.
        BrowserSetup setup = new BrowserSetup(new ManifestLocations("Mac OS X", home, Map.of()), Map.of(), home.resolve("data"));
        assertThat(setup.installed()).containsOnlyKeys(BrowserFamily.values()).allSatisfy((family, path) -> assertThat(path).isEmpty());
        Path host = Files.createFile(home.resolve("ferry-host"));
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwx------"));

        setup.install(java.util.EnumSet.of(BrowserFamily.CHROMIUM, BrowserFamily.FIREFOX), setup.host(host));

        assertThat(setup.installed().get(BrowserFamily.CHROMIUM))
                .contains(home.resolve("Library/Application Support/Chromium/NativeMessagingHosts/app.ferry.host.json"));
        assertThat(setup.installed().get(BrowserFamily.FIREFOX)).isPresent();
        assertThat(setup.installed().get(BrowserFamily.CHROME)).isEmpty();
        setup.uninstall(java.util.EnumSet.allOf(BrowserFamily.class));
        assertThat(setup.installed().values()).allSatisfy(path -> assertThat(path).isEmpty());
    }
}
