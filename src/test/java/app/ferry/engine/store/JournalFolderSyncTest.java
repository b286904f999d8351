package app.ferry.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines that name a file wait for their folder's sync, one per folder and batch; lines no caller
 * waits for ride with the next sync instead of starting one (docs/decisions/0005).
 */
class JournalFolderSyncTest {

    @TempDir
    Path dir;

    private final List<String> problems = new ArrayList<>();

    private Journal open() throws IOException {
        return Journal.open(dir.resolve("test.journal"), Map.of(), p -> problems.add(p.english()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBatchSyncsEachFolderItsLinesNameOnceThenTheJournalOnce() throws IOException {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        try (Journal journal = open()) {
            long before = journal.syncs();
            LinkedHashMap<String, byte[]> values = new LinkedHashMap<>();
            Map<String, Path> folders = new LinkedHashMap<>();
            for (int i = 0; i < 6; i++) {
                values.put("task-" + i, bytes("{\"n\":" + i + "}"));
                if (i < 5) {
                    folders.put("task-" + i, i % 2 == 0 ? first : second);
                }
            }
            journal.putAll(values, folders);
            // Two folders and the journal itself: three syncs for six lines, not one per file.
            assertThat(journal.syncs() - before).isEqualTo(3);
            assertThat(Journal.read(dir.resolve("test.journal")).values()).hasSize(6);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aLineWhoseFolderCannotBeSyncedIsNotWrittenAndItsCallerIsTold() throws IOException {
        Path gone = dir.resolve("removed-folder");
        try (Journal journal = open()) {
            journal.put("before", bytes("{\"n\":0}"));
            assertThatThrownBy(() -> journal.put("claims", bytes("{\"file\":\"x\"}"), gone))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(gone.toString())
                    .hasMessageContaining("not saved");
            LinkedHashMap<String, byte[]> values = new LinkedHashMap<>();
            values.put("plain", bytes("{\"n\":1}"));
            values.put("claims-too", bytes("{\"file\":\"y\"}"));
            assertThatThrownBy(() -> journal.putAll(values, Map.of("claims-too", gone))).isInstanceOf(IOException.class);
            // The journal goes on; only the lines whose folder failed are missing.
            journal.put("after", bytes("{\"n\":2}"));
            assertThat(Journal.read(dir.resolve("test.journal")).values())
                    .containsOnlyKeys("before", "plain", "after");
        }
    }

    @Test
    void aLineNoOneWaitsForReachesTheDiskWithoutAnotherSyncToCarryIt() throws IOException {
        try (Journal journal = open()) {
            journal.putEventually("started", bytes("{\"state\":\"RUNNING\"}"));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> Journal.read(dir.resolve("test.journal")).values().containsKey("started"));
            assertThat(journal.syncs()).isEqualTo(1);
        }
    }
}
