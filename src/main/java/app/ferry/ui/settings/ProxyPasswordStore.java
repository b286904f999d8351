package app.ferry.ui.settings;

import app.ferry.engine.AtomicFiles;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The manual proxy's password, kept between runs only when the user ticks "Remember password":
 * {@code proxy-password.json} beside {@code settings.json}, readable and writable by its owner
 * only (0600), never in the settings file (docs/decisions/0007).
 *
 * <p>The password is kept with the proxy and user it belongs to, and given back only for those: a
 * password typed for one proxy is never sent to another one named later. It is in clear inside
 * the file, as in curl's {@code .netrc} or a browser's profile: any scrambling Ferry could undo
 * without a key from the user, anyone with the file could undo too; the permissions are the
 * protection. Where the file system has no POSIX permissions (Windows), the file takes those of
 * the user's own application-data folder.
 */
public final class ProxyPasswordStore {

    public static final String FILE_NAME = "proxy-password.json";

    private final Path dir;
    private final ObjectMapper json = JsonMapper.builder().build();

    public ProxyPasswordStore(Path dir) {
        this.dir = dir;
    }

    /** What the file holds. {@link #toString()} masks the password. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Saved(String host, int port, String user, String password) {
        @Override
        public String toString() {
            return "Saved[" + host + ":" + port + ", user=" + user + ", password=***]";
        }
    }

    public Path file() {
        return dir.resolve(FILE_NAME);
    }

    /** The remembered password of {@code choice}'s proxy and user; empty when none is kept for them. */
    public Optional<String> load(ProxyChoice choice) {
        Path file = file();
        if (!choice.needsPassword() || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Saved saved = json.readValue(file.toFile(), Saved.class);
            return saved != null && saved.password() != null && saved.host().equals(choice.host())
                    && saved.port() == choice.port() && saved.user().equals(choice.user())
                    ? Optional.of(saved.password()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Not the exception's message: a parser quotes what it read, and that is the password.
            System.getLogger(ProxyPasswordStore.class.getName()).log(System.Logger.Level.WARNING,
                    "Could not read " + file + " (" + e.getClass().getSimpleName() + "): the proxy password is asked again");
            return Optional.empty();
        }
    }

    /**
     * Keeps {@code password} for {@code choice}'s proxy and user. The temporary file it is written
     * to is created owner-only ({@link Files#createTempFile} on POSIX), so the password is never
     * readable by others, not even for an instant; the permissions are then set exactly, in case
     * an older file was wider.
     */
    public void save(ProxyChoice choice, String password) throws IOException {
        Files.createDirectories(dir);
        Path file = file();
        AtomicFiles.write(file, json.writeValueAsBytes(new Saved(choice.host(), choice.port(), choice.user(), password)));
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Forgets the password (the user unticked "Remember password", or chose another proxy mode). */
    public void delete() throws IOException {
        Files.deleteIfExists(file());
    }
}
