package app.ferry.browser;

import app.ferry.engine.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds the executable browsers start as Ferry's host. An installed Ferry has it: jpackage's
 * second launcher {@code ferry-host} beside the running launcher, whose path jpackage passes in
 * {@code jpackage.app-path}. A Ferry run from a checkout or a jar has none, so one is written: a
 * script in Ferry's data folder that runs {@link HostMain} with this JVM and this class path.
 */
final class HostLauncher {

    static final String APP_PATH_PROPERTY = "jpackage.app-path";

    private HostLauncher() {
    }

    /**
     * The installed launcher, or a freshly written script when Ferry is not installed.
     *
     * @throws IOException when the installed launcher is missing (a damaged installation) or the script cannot be written
     */
    static Path resolve(Map<String, String> properties, boolean windows, Path dataDir) throws IOException {
        String appPath = properties.get(APP_PATH_PROPERTY);
        if (appPath != null && !appPath.isBlank()) {
            Path host = Path.of(appPath).toAbsolutePath().resolveSibling(windows ? "ferry-host.exe" : "ferry-host");
            if (!Files.isExecutable(host)) {
                throw new IOException("Ferry's browser host " + host + " is missing; reinstall Ferry, then run ferry browser install again");
            }
            return host;
        }
        return writeScript(properties.get("java.home"), properties.get("java.class.path"), windows, dataDir.resolve("browser"));
    }

    private static Path writeScript(String javaHome, String classPath, boolean windows, Path folder) throws IOException {
        // Relative class-path entries (java -jar target/ferry.jar) would resolve against the browser's working folder.
        String absoluteClassPath = Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        Path java = Path.of(javaHome, "bin", windows ? "java.exe" : "java");
        // A short-lived process: a small heap and the quick JIT tier start it fastest.
        String options = "-Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
        Files.createDirectories(folder);
        Path script = folder.resolve(windows ? "ferry-host.bat" : "ferry-host");
        String text = windows
                ? "@echo off\r\nrem Written by ferry browser install: browsers start it to reach Ferry.\r\n\"" + java + "\" " + options
                        + " -cp \"" + absoluteClassPath + "\" " + HostMain.class.getName() + " %*\r\n"
                : "#!/bin/sh\n# Written by ferry browser install: browsers start it to reach Ferry.\nexec " + shellQuote(java.toString())
                        + " " + options + " -cp " + shellQuote(absoluteClassPath) + " " + HostMain.class.getName() + " \"$@\"\n";
        AtomicFiles.write(script, text.getBytes(StandardCharsets.UTF_8));
        if (!windows) {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        }
        return script;
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
