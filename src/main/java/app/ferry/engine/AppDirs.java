package app.ferry.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where Ferry keeps things by default, following each platform's convention: the XDG base
 * directories on Linux, AppData on Windows, Library on macOS.
 */
public record AppDirs(Path dataDir, Path downloadDir) {

    /** The directories for this user, from the real environment. */
    public static AppDirs forCurrentUser() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""));
    }

    static AppDirs of(Map<String, String> env, Path home, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path data;
        if (os.startsWith("windows")) {
            data = Optional.ofNullable(env.get("APPDATA")).map(Path::of).orElse(home.resolve("AppData/Roaming")).resolve("Ferry");
        } else if (os.startsWith("mac")) {
            data = home.resolve("Library/Application Support/Ferry");
        } else {
            data = nonBlank(env.get("XDG_DATA_HOME")).map(Path::of).orElse(home.resolve(".local/share")).resolve("ferry");
        }
        return new AppDirs(data, downloadDir(env, home, os));
    }

    private static Path downloadDir(Map<String, String> env, Path home, String os) {
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return home.resolve("Downloads");
        }
        Optional<Path> fromEnv = nonBlank(env.get("XDG_DOWNLOAD_DIR")).map(v -> expandHome(v, home));
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        Path config = nonBlank(env.get("XDG_CONFIG_HOME")).map(Path::of).orElse(home.resolve(".config"));
        return fromUserDirs(config.resolve("user-dirs.dirs"), home).orElse(home.resolve("Downloads"));
    }

    /** Reads {@code XDG_DOWNLOAD_DIR="$HOME/…"} from the file xdg-user-dirs maintains. */
    static Optional<Path> fromUserDirs(Path file, Path home) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty(); // An unreadable preferences file falls back to ~/Downloads, as the XDG spec says.
        }
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("XDG_DOWNLOAD_DIR=")) {
                String value = trimmed.substring("XDG_DOWNLOAD_DIR=".length()).replace("\"", "");
                return nonBlank(value).map(v -> expandHome(v, home));
            }
        }
        return Optional.empty();
    }

    private static Path expandHome(String value, Path home) {
        if (value.startsWith("$HOME")) {
            return Path.of(home + value.substring("$HOME".length()));
        }
        if (value.startsWith("~/")) {
            return home.resolve(value.substring(2));
        }
        return Path.of(value);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The state directory of the headless command line (the GUI keeps its own). */
    public Path cliStateDir() {
        return dataDir.resolve("cli");
    }

    public Path guiStateDir() {
        return dataDir.resolve("queue");
    }
}
