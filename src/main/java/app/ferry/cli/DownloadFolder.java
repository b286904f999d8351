package app.ferry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Checks a download folder before anything starts, so a typo fails at once and clearly. */
final class DownloadFolder {

    private DownloadFolder() {
    }

    static Optional<String> problem(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return Optional.of("--dir " + dir + " is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return Optional.of("cannot create the download folder " + dir + " (" + e.getMessage() + "); choose another with --dir");
        }
        if (!Files.isWritable(dir)) {
            return Optional.of("the download folder " + dir + " is not writable; choose another with --dir");
        }
        return Optional.empty();
    }
}
