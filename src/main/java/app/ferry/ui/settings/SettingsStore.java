package app.ferry.ui.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * {@code settings.json} in the app data directory. A file that cannot be read is moved aside
 * (never deleted) and defaults are used, so a bad file never stops the app from starting.
 */
public final class SettingsStore {

    public static final String FILE_NAME = "settings.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;
    private final Path defaultDownloadDir;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public SettingsStore(Path dir, Path defaultDownloadDir) {
        this.dir = dir;
        this.defaultDownloadDir = defaultDownloadDir;
    }

    /**
     * The settings read back, and the backup a corrupt file was moved to (empty when it was fine
     * or absent).
     */
    public record Loaded(Settings settings, Optional<Path> backup) {
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    public Loaded load() {
        Path file = file();
        if (!Files.exists(file)) {
            return new Loaded(Settings.defaults(defaultDownloadDir), Optional.empty());
        }
        try {
            Settings read = json.readValue(file.toFile(), Settings.class);
            if (read == null) {
                throw new IOException("empty settings file");
            }
            if (read.downloadDir() == null || read.downloadDir().isBlank()) {
                read = read.withPreferences(defaultDownloadDir, read.maxConcurrent(), read.maxRetries(),
                        read.notifications(), read.autoResume(), read.theme(), read.language());
            }
            return new Loaded(read, Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new Loaded(Settings.defaults(defaultDownloadDir), moveAside(file));
        }
    }

    /** Writes the settings atomically: a crash leaves the old file or the new one, never half of one. */
    public void save(Settings settings) throws IOException {
        Files.createDirectories(dir);
        Path temp = dir.resolve(FILE_NAME + ".tmp");
        Files.write(temp, json.writeValueAsBytes(settings));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Optional<Path> moveAside(Path file) {
        Path backup = file.resolveSibling(file.getFileName() + ".corrupt-" + LocalDateTime.now().format(STAMP));
        try {
            Files.move(file, backup, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(backup);
        } catch (IOException e) {
            return Optional.of(file); // Could not move it: it stays where it is and is overwritten on save.
        }
    }
}
