package app.ferry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.ui.settings.Settings;
import app.ferry.ui.settings.SettingsStore;
import app.ferry.ui.settings.Theme;
import app.ferry.ui.settings.UploadMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void missingFileGivesDefaults() {
        SettingsStore.Loaded loaded = new SettingsStore(dir, Path.of("/home/u/Downloads")).load();
        assertThat(loaded.backup()).isEmpty();
        assertThat(loaded.settings().downloadDir()).isEqualTo("/home/u/Downloads");
        assertThat(loaded.settings().maxConcurrent()).isEqualTo(3);
        assertThat(loaded.settings().notifications()).isTrue();
        assertThat(loaded.settings().autoResume()).isTrue();
        assertThat(loaded.settings().theme()).isEqualTo(Theme.LIGHT);
        assertThat(loaded.settings().language()).isEqualTo("system");
    }

    @Test
    void roundTrip() throws Exception {
        SettingsStore store = new SettingsStore(dir, dir);
        Settings settings = Settings.defaults(dir)
                .withPreferences(dir.resolve("dl"), 5, 2, false, false, Theme.DARK, "zh-CN")
                .withLayout(new Settings.WindowState(1000, 600, true), List.of(new Settings.ColumnState("name", 300)),
                        List.of(new Settings.SortState("size", false)))
                .withUpload(Settings.UploadChoices.DEFAULT.remember("https://a.example/up", UploadMode.MULTIPART, "doc",
                        List.of(new Settings.FormField("k", "v")), false, true, "bob"))
                .withLimits(5L << 20, 500L << 10);
        store.save(settings);
        assertThat(store.load().settings()).isEqualTo(settings);
        assertThat(store.load().settings().downloadLimit()).isEqualTo(5_242_880);
        assertThat(store.load().settings().uploadLimit()).isEqualTo(512_000);
        assertThat(Files.readString(store.file())).doesNotContain("password");
    }

    @Test
    void aFileFromBeforeTheLimitsLoadsUnlimitedAndNegativeLimitsAreNone() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"downloadDir\": \"/tmp/dl\", \"maxConcurrent\": 4, \"theme\": \"DARK\"}");
        Settings old = new SettingsStore(dir, dir).load().settings();
        assertThat(old.maxConcurrent()).isEqualTo(4);
        assertThat(old.downloadLimit()).isZero();
        assertThat(old.uploadLimit()).isZero();

        Files.writeString(dir.resolve("settings.json"), "{\"downloadLimit\": -5, \"uploadLimit\": 2048}");
        Settings edited = new SettingsStore(dir, dir).load().settings();
        assertThat(edited.downloadLimit()).isZero();
        assertThat(edited.uploadLimit()).isEqualTo(2048);
    }

    @Test
    void corruptFileIsKeptAsideAndDefaultsAreUsed() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"maxConcurrent\": ");
        SettingsStore.Loaded loaded = new SettingsStore(dir, dir).load();
        assertThat(loaded.settings()).isEqualTo(Settings.defaults(dir));
        assertThat(loaded.backup()).hasValueSatisfying(backup -> {
            assertThat(backup.getFileName().toString()).startsWith("settings.json.corrupt-");
            assertThat(backup).hasContent("{\"maxConcurrent\": ");
        });
        assertThat(dir.resolve("settings.json")).doesNotExist();
    }

    @Test
    void outOfRangeAndUnknownValuesFallBackToDefaults() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"maxConcurrent\": 0, \"maxRetries\": -4, \"future\": 1}");
        Settings settings = new SettingsStore(dir, dir).load().settings();
        assertThat(settings.maxConcurrent()).isEqualTo(3);
        assertThat(settings.maxRetries()).isEqualTo(8);
        assertThat(settings.downloadDir()).isEqualTo(dir.toString());
    }

    @Test
    void recentTargetsAreMostRecentFirstWithoutDuplicatesAndBounded() {
        Settings.UploadChoices choices = Settings.UploadChoices.DEFAULT;
        for (int i = 0; i < 15; i++) {
            choices = choices.remember("https://h" + i + ".example/", UploadMode.PUT_RAW, "file", List.of(), true, false, "");
        }
        choices = choices.remember("https://h3.example/", UploadMode.PUT_RAW, "file", List.of(), true, false, "");
        assertThat(choices.recentTargets()).hasSize(Settings.UploadChoices.MAX_RECENT)
                .startsWith("https://h3.example/", "https://h14.example/").doesNotHaveDuplicates();
    }
}
