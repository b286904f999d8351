package app.ferry.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remembered proxy password: owner-only, given back only for its own proxy and user, never in settings.json. */
class ProxyPasswordStoreTest {

    private static final String PASSWORD = "pr0xy-S3cret";

    @TempDir
    Path dir;

    private final ProxyChoice choice = new ProxyChoice(ProxyMode.MANUAL, "proxy.example.com", 3128, "alice", "", true);

    @Test
    void theFileIsOwnerOnlyAndTheSettingsFileNeverHoldsThePassword() throws IOException {
        ProxyPasswordStore store = new ProxyPasswordStore(dir);
        store.save(choice, PASSWORD);
        new SettingsStore(dir, dir).save(Settings.defaults(dir).withProxy(choice));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve(SettingsStore.FILE_NAME))).contains("proxy.example.com", "alice")
                .doesNotContain(PASSWORD);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> !f.equals(store.file())))
                    .allSatisfy(f -> assertThat(Files.readString(f)).doesNotContain(PASSWORD));
        }
        assertThat(store.load(choice)).contains(PASSWORD);
    }

    @Test
    void aWiderOlderFileIsNarrowedWhenWrittenAgain() throws IOException {
        ProxyPasswordStore store = new ProxyPasswordStore(dir);
        Files.writeString(store.file(), "{}");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
        store.save(choice, PASSWORD);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void thePasswordIsGivenOnlyForTheProxyAndUserItWasTypedFor() throws IOException {
        ProxyPasswordStore store = new ProxyPasswordStore(dir);
        store.save(choice, PASSWORD);

        assertThat(store.load(new ProxyChoice(ProxyMode.MANUAL, "other.example.com", 3128, "alice", "", true))).isEmpty();
        assertThat(store.load(new ProxyChoice(ProxyMode.MANUAL, "proxy.example.com", 8080, "alice", "", true))).isEmpty();
        assertThat(store.load(new ProxyChoice(ProxyMode.MANUAL, "proxy.example.com", 3128, "bob", "", true))).isEmpty();
        assertThat(store.load(new ProxyChoice(ProxyMode.ENVIRONMENT, "proxy.example.com", 3128, "alice", "", true))).isEmpty();
        store.delete();
        assertThat(store.file()).doesNotExist();
        assertThat(store.load(choice)).isEmpty();
    }

    @Test
    void aDamagedFileMeansAskingAgain() throws IOException {
        ProxyPasswordStore store = new ProxyPasswordStore(dir);
        Files.writeString(store.file(), "{\"host\": \"proxy.example.com\", \"password\": \"" + PASSWORD);

        assertThat(store.load(choice)).isEmpty();
    }

    @Test
    void olderSettingsFilesReadAsTheEnvironmentsProxies() throws IOException {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "{\"downloadDir\": \"" + dir + "\", \"maxConcurrent\": 2}");

        Settings read = new SettingsStore(dir, dir).load().settings();

        assertThat(read.proxy()).isEqualTo(ProxyChoice.DEFAULT);
        assertThat(read.proxy().mode()).isEqualTo(ProxyMode.ENVIRONMENT);
        assertThat(read.proxy().noProxy()).isEqualTo(ProxyChoice.DEFAULT_NO_PROXY);
    }
}
