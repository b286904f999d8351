package app.ferry.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostManifestsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void chromiumAndChromeListFerrysExtensionAsAnOriginWithItsTrailingSlash() throws Exception {
        for (BrowserFamily family : List.of(BrowserFamily.CHROMIUM, BrowserFamily.CHROME)) {
            JsonNode manifest = json.readTree(HostManifests.json(family, Path.of("/opt/ferry/bin/ferry-host"), AllowedExtensions.ferry()));

            assertThat(manifest.get("name").asText()).isEqualTo("app.ferry.host");
            assertThat(manifest.get("path").asText()).isEqualTo("/opt/ferry/bin/ferry-host");
            assertThat(manifest.get("type").asText()).isEqualTo("stdio");
            assertThat(manifest.get("description").asText()).isNotBlank();
            assertThat(texts(manifest.get("allowed_origins"))).containsExactly("chrome-extension://pfclofcjdekpalioejjmckmiglbpbfdc/");
            assertThat(manifest.has("allowed_extensions")).isFalse();
        }
    }

    @Test
    void firefoxListsTheAddOnIdAsAnAllowedExtension() throws Exception {
        JsonNode manifest = json.readTree(HostManifests.json(BrowserFamily.FIREFOX, Path.of("/opt/ferry/bin/ferry-host"),
                AllowedExtensions.ferry()));

        assertThat(manifest.get("name").asText()).isEqualTo("app.ferry.host");
        assertThat(manifest.get("type").asText()).isEqualTo("stdio");
        assertThat(texts(manifest.get("allowed_extensions"))).containsExactly("ferry-extension@ferry.app");
        assertThat(manifest.has("allowed_origins")).isFalse();
    }

    @Test
    void aRelativeHostPathIsRefusedBecauseBrowsersNeedAnAbsoluteOne() {
        assertThatThrownBy(() -> HostManifests.json(BrowserFamily.CHROME, Path.of("bin/ferry-host"), AllowedExtensions.ferry()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    }

    @Test
    void linuxUserFoldersAreWhereEachBrowserLooks() {
        ManifestLocations linux = new ManifestLocations("Linux", Path.of("/home/u"), java.util.Map.of());

        assertThat(linux.of(BrowserFamily.CHROMIUM).manifest()).isEqualTo(Path.of("/home/u/.config/chromium/NativeMessagingHosts/app.ferry.host.json"));
        assertThat(linux.of(BrowserFamily.CHROME).manifest()).isEqualTo(Path.of("/home/u/.config/google-chrome/NativeMessagingHosts/app.ferry.host.json"));
        assertThat(linux.of(BrowserFamily.FIREFOX).manifest()).isEqualTo(Path.of("/home/u/.mozilla/native-messaging-hosts/app.ferry.host.json"));
        assertThat(linux.of(BrowserFamily.CHROME).registryKey()).isEmpty();
    }

    @Test
    void chromiumFollowsXdgConfigHome() {
        ManifestLocations linux = new ManifestLocations("Linux", Path.of("/home/u"), java.util.Map.of("XDG_CONFIG_HOME", "/cfg"));

        assertThat(linux.of(BrowserFamily.CHROMIUM).manifest()).isEqualTo(Path.of("/cfg/chromium/NativeMessagingHosts/app.ferry.host.json"));
        assertThat(linux.of(BrowserFamily.FIREFOX).manifest()).isEqualTo(Path.of("/home/u/.mozilla/native-messaging-hosts/app.ferry.host.json"));
    }

    @Test
    void macOsFoldersAreUnderApplicationSupport() {
        ManifestLocations mac = new ManifestLocations("Mac OS X", Path.of("/Users/u"), java.util.Map.of());

        assertThat(mac.of(BrowserFamily.CHROME).manifest())
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Google/Chrome/NativeMessagingHosts/app.ferry.host.json"));
        assertThat(mac.of(BrowserFamily.FIREFOX).manifest())
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Mozilla/NativeMessagingHosts/app.ferry.host.json"));
    }

    @Test
    void windowsNamesTheRegistryKeyEachBrowserReads() {
        ManifestLocations windows = new ManifestLocations("Windows 11", Path.of("/home/u"), java.util.Map.of("LOCALAPPDATA", "/local"));

        assertThat(windows.of(BrowserFamily.CHROME).registryKey()).contains("HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts\\app.ferry.host");
        assertThat(windows.of(BrowserFamily.CHROMIUM).registryKey()).contains("HKCU\\Software\\Chromium\\NativeMessagingHosts\\app.ferry.host");
        assertThat(windows.of(BrowserFamily.FIREFOX).registryKey()).contains("HKCU\\Software\\Mozilla\\NativeMessagingHosts\\app.ferry.host");
        assertThat(windows.of(BrowserFamily.FIREFOX).manifest()).startsWithRaw(Path.of("/local/Ferry"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
