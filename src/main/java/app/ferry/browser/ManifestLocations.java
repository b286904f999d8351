package app.ferry.browser;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each browser looks for a user's host manifests, as the browsers document it
 * (developer.chrome.com "Native messaging", MDN "Native manifests"). On Windows the browsers read
 * the manifest's location from a registry key instead of a folder: the file may live anywhere.
 */
record ManifestLocations(String os, Path home, Map<String, String> env) {

    /** One browser's manifest, and on Windows the registry key whose default value must name it. */
    record Placement(BrowserFamily family, Path manifest, Optional<String> registryKey) {
    }

    static ManifestLocations forCurrentUser() {
        return new ManifestLocations(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv());
    }

    boolean windows() {
        return os.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    Placement of(BrowserFamily family) {
        String name = os.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            Path local = Optional.ofNullable(env.get("LOCALAPPDATA")).map(Path::of).orElse(home.resolve("AppData/Local"));
            String vendor = switch (family) {
                case CHROMIUM -> "Chromium";
                case CHROME -> "Google\\Chrome";
                case FIREFOX -> "Mozilla";
            };
            return new Placement(family, local.resolve("Ferry").resolve("NativeMessagingHosts").resolve(family.cliName())
                    .resolve(HostManifests.FILE_NAME),
                    Optional.of("HKCU\\Software\\" + vendor + "\\NativeMessagingHosts\\" + HostManifests.HOST_NAME));
        }
        Path folder;
        if (name.startsWith("mac")) {
            Path support = home.resolve("Library/Application Support");
            folder = switch (family) {
                case CHROMIUM -> support.resolve("Chromium/NativeMessagingHosts");
                case CHROME -> support.resolve("Google/Chrome/NativeMessagingHosts");
                case FIREFOX -> support.resolve("Mozilla/NativeMessagingHosts");
            };
        } else {
            // Chromium and Chrome keep their profile under XDG_CONFIG_HOME; Firefox always under ~/.mozilla.
            Path config = Optional.ofNullable(env.get("XDG_CONFIG_HOME")).filter(v -> !v.isBlank()).map(Path::of)
                    .orElse(home.resolve(".config"));
            folder = switch (family) {
                case CHROMIUM -> config.resolve("chromium/NativeMessagingHosts");
                case CHROME -> config.resolve("google-chrome/NativeMessagingHosts");
                case FIREFOX -> home.resolve(".mozilla/native-messaging-hosts");
            };
        }
        return new Placement(family, folder.resolve(HostManifests.FILE_NAME), Optional.empty());
    }
}
