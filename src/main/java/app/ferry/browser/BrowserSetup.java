package app.ferry.browser;

import app.ferry.engine.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registers Ferry's native-messaging host with a user's browsers ({@code ferry browser install})
 * and removes it again. System-wide registration is the installed package's job.
 */
public final class BrowserSetup {

    /** What was done for one browser, and on Windows the registry command still to run. */
    public record Step(BrowserFamily family, Path manifest, String registryCommand) {
    }

    private final ManifestLocations locations;
    private final Map<String, String> properties;
    private final Path dataDir;

    BrowserSetup(ManifestLocations locations, Map<String, String> properties, Path dataDir) {
        this.locations = locations;
        this.properties = Map.copyOf(properties);
        this.dataDir = dataDir;
    }

    public static BrowserSetup forCurrentUser(Path dataDir) {
        Map<String, String> properties = new HashMap<>();
        for (String key : List.of(HostLauncher.APP_PATH_PROPERTY, "java.home", "java.class.path")) {
            String value = System.getProperty(key);
            if (value != null) {
                properties.put(key, value);
            }
        }
        return new BrowserSetup(ManifestLocations.forCurrentUser(), properties, dataDir);
    }

    /** The host executable the manifests will name: the given one, else the installed launcher or a written script. */
    public Path host(Path given) throws IOException {
        if (given != null) {
            if (!Files.isExecutable(given)) {
                throw new IOException(given + " is not an executable file; name Ferry's ferry-host launcher");
            }
            return given.toAbsolutePath();
        }
        return HostLauncher.resolve(properties, locations.windows(), dataDir);
    }

    /** The manifest for {@code host} as text: what a package installs system-wide (see {@code ferry browser manifest}). */
    public static String manifest(BrowserFamily family, Path host) {
        return HostManifests.json(family, host, AllowedExtensions.ferry());
    }

    /** Writes each browser's manifest for {@code host}, replacing an earlier one atomically. */
    public List<Step> install(Set<BrowserFamily> browsers, Path host) throws IOException {
        List<Step> steps = new ArrayList<>();
        for (BrowserFamily family : sorted(browsers)) {
            ManifestLocations.Placement placement = locations.of(family);
            Files.createDirectories(placement.manifest().getParent());
            AtomicFiles.write(placement.manifest(),
                    HostManifests.json(family, host, AllowedExtensions.ferry()).getBytes(StandardCharsets.UTF_8));
            steps.add(new Step(family, placement.manifest(), placement.registryKey()
                    .map(key -> "reg add \"" + key + "\" /ve /t REG_SZ /d \"" + placement.manifest() + "\" /f").orElse(null)));
        }
        return steps;
    }

    /** Removes each browser's manifest; returns the browsers that had one. */
    public List<Step> uninstall(Set<BrowserFamily> browsers) throws IOException {
        List<Step> steps = new ArrayList<>();
        for (BrowserFamily family : sorted(browsers)) {
            ManifestLocations.Placement placement = locations.of(family);
            if (Files.deleteIfExists(placement.manifest())) {
                steps.add(new Step(family, placement.manifest(), placement.registryKey()
                        .map(key -> "reg delete \"" + key + "\" /f").orElse(null)));
            }
        }
        return steps;
    }

    /**
     * Where each browser finds Ferry's host: this user's manifest, else (Linux) the system-wide
     * one the .deb installs; empty for a browser that finds none.
     */
    public Map<BrowserFamily, Optional<Path>> installed() {
        Map<BrowserFamily, Optional<Path>> found = new java.util.EnumMap<>(BrowserFamily.class);
        for (BrowserFamily family : BrowserFamily.values()) {
            Path user = locations.of(family).manifest();
            Optional<Path> manifest = Files.isRegularFile(user) ? Optional.of(user)
                    : systemWide(family).filter(Files::isRegularFile);
            found.put(family, manifest);
        }
        return found;
    }

    /** The folder a Linux package installs the manifest in, as each browser documents it. */
    private Optional<Path> systemWide(BrowserFamily family) {
        if (locations.windows() || locations.os().toLowerCase(java.util.Locale.ROOT).startsWith("mac")) {
            return Optional.empty();
        }
        Path folder = switch (family) {
            case CHROMIUM -> Path.of("/etc/chromium/native-messaging-hosts");
            case CHROME -> Path.of("/etc/opt/chrome/native-messaging-hosts");
            case FIREFOX -> Path.of("/usr/lib/mozilla/native-messaging-hosts");
        };
        return Optional.of(folder.resolve(HostManifests.FILE_NAME));
    }

    private static List<BrowserFamily> sorted(Set<BrowserFamily> browsers) {
        return browsers.stream().sorted().toList();
    }
}
