package app.ferry.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    private final List<String> problems = new ArrayList<>();

    private Path file() {
        return dir.resolve("test.journal");
    }

    private Journal open() throws IOException {
        return Journal.open(file(), Map.of(), p -> problems.add(p.english()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, String> reread() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Journal journal = open()) {
            journal.takeOpenedValues().forEach((key, value) -> values.put(key, new String(value, StandardCharsets.UTF_8)));
        }
        return values;
    }

    @Test
    void putsAndRemovesSurviveAReopenInFirstWrittenOrder() throws IOException {
        try (Journal journal = open()) {
            journal.put("b", bytes("{\"n\":1}"));
            journal.put("a", bytes("{\"n\":2}"));
            journal.put("c", bytes("{\"n\":3, \"text\":\"功夫熊猫\"}"));
            journal.put("b", bytes("{\"n\":4}"));
            journal.remove("a");
        }
        assertThat(reread()).containsExactly(Map.entry("b", "{\"n\":4}"), Map.entry("c", "{\"n\":3, \"text\":\"功夫熊猫\"}"));
        assertThat(problems).isEmpty();
    }

    @Test
    void putAllIsOnDiskWhenItReturnsAndWritesNothingWhenOneValueIsBad() throws IOException {
        try (Journal journal = open()) {
            LinkedHashMap<String, byte[]> batch = new LinkedHashMap<>();
            for (int i = 0; i < 100; i++) {
                batch.put("task-" + i, bytes("{\"n\":" + i + "}"));
            }
            journal.putAll(batch);
            // Read by another reader while the journal is still open: nothing waits in memory.
            Journal.Contents onDisk = Journal.read(file());
            assertThat(onDisk.values()).hasSize(100);
            assertThat(new String(onDisk.values().get("task-99"), StandardCharsets.UTF_8)).isEqualTo("{\"n\":99}");

            LinkedHashMap<String, byte[]> bad = new LinkedHashMap<>();
            bad.put("fine", bytes("{}"));
            bad.put("broken", bytes("two\nlines"));
            assertThatThrownBy(() -> journal.putAll(bad)).isInstanceOf(IllegalArgumentException.class);
            journal.putAll(new LinkedHashMap<>());
        }
        assertThat(reread()).hasSize(100).doesNotContainKey("fine");
    }

    @Test
    void aLineNotWaitedForGoesOutInOrderWithTheNextSync() throws IOException {
        try (Journal journal = open()) {
            journal.put("a", bytes("queued"));
            journal.putEventually("a", bytes("running"));
            journal.put("b", bytes("other"));
            // b's sync covers every line before it, a's too.
            assertThat(Journal.read(file()).values()).containsOnlyKeys("a", "b");
            assertThat(new String(Journal.read(file()).values().get("a"), StandardCharsets.UTF_8)).isEqualTo("running");
            journal.putEventually("a", bytes("last"));
        }
        // Closing writes what is still pending.
        assertThat(reread()).containsEntry("a", "last");
    }

    @Test
    void concurrentWritersAllReachTheDisk() throws Exception {
        int writers = 64;
        int rounds = 40;
        try (Journal journal = open(); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String key = "task-" + w;
                done.add(threads.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        journal.put(key, bytes("{\"round\":" + round + "}"));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        Map<String, String> values = reread();
        assertThat(values).hasSize(writers);
        assertThat(values.values()).containsOnly("{\"round\":" + (rounds - 1) + "}");
    }

    @Test
    void aTornTailIsDroppedSilently() throws IOException {
        try (Journal journal = open()) {
            journal.put("kept", bytes("{\"v\":1}"));
        }
        // A crash in the middle of a batch: one line complete but wrong, one cut short.
        Files.write(file(), bytes("00000000 lost {\"v\":2}\n1234abcd half {\"v"), StandardOpenOption.APPEND);
        Object inode = Files.readAttributes(file(), BasicFileAttributes.class).fileKey();

        assertThat(reread()).containsExactly(Map.entry("kept", "{\"v\":1}"));
        assertThat(problems).isEmpty();
        assertThat(Files.readString(file())).doesNotContain("lost").doesNotContain("half");
        // Replaced, not cut in place: a reader in the middle of the old file never sees new lines after the torn ones.
        assertThat(Files.readAttributes(file(), BasicFileAttributes.class).fileKey()).isNotEqualTo(inode);
    }

    @Test
    void aDamagedLineBeforeGoodOnesIsReportedAndTheJournalKeptAside() throws IOException {
        try (Journal journal = open()) {
            journal.put("first", bytes("{\"v\":1}"));
            journal.put("second", bytes("{\"v\":2}"));
            journal.put("third", bytes("{\"v\":3}"));
        }
        String text = Files.readString(file());
        Files.writeString(file(), text.replace("{\"v\":2}", "{\"v\":9}"));

        assertThat(reread()).containsOnlyKeys("first", "third");
        assertThat(problems).singleElement().asString().contains("damaged lines [3]").contains(".damaged-");
        try (var files = Files.list(dir)) {
            Path copy = files.filter(f -> f.getFileName().toString().startsWith("test.journal.damaged-")).findFirst().orElseThrow();
            assertThat(Files.readString(copy)).contains("{\"v\":9}");
        }
    }

    @Test
    void aFileThatIsNotAJournalIsKeptAsideAndTheJournalStartsEmpty() throws IOException {
        Files.writeString(file(), "{\"id\": \"something else\"}");

        assertThat(reread()).isEmpty();
        assertThat(problems).singleElement().asString().contains("is not a Ferry journal");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("test.journal.damaged-"));
        }
    }

    @Test
    void aLongJournalIsCompactedToItsLiveLines() throws IOException {
        String big = "{\"pad\":\"" + "x".repeat(10_000) + "\"}";
        try (Journal journal = open()) {
            journal.put("other", bytes("{\"v\":1}"));
            for (int i = 0; i < 300; i++) {
                journal.put("busy", bytes(big.replace("x\"", i + "\"")));
            }
            // 3 MB were written; compaction starts past 1 MiB and leaves about one big line.
            assertThat(Files.size(file())).isLessThan((1 << 20) + 20_000);
            journal.put("after", bytes("{\"v\":2}"));
        }
        Map<String, String> values = reread();
        assertThat(values).containsOnlyKeys("other", "busy", "after");
        assertThat(values.get("busy")).endsWith("299\"}");
    }

    @Test
    void aReaderSeesWhatAWriterMadeDurable() throws IOException {
        try (Journal journal = open()) {
            journal.put("a", bytes("{\"v\":1}"));
            journal.remove("a");
            journal.put("b", bytes("{\"v\":2}"));
            Journal.Contents contents = Journal.read(file());
            assertThat(contents.problems()).isEmpty();
            assertThat(contents.values()).containsOnlyKeys("b");
        }
    }

    @Test
    void importedValuesFillOnlyKeysTheJournalLacks() throws IOException {
        try (Journal journal = open()) {
            journal.put("both", bytes("{\"from\":\"journal\"}"));
        }
        try (Journal journal = Journal.open(file(), Map.of("both", bytes("{\"from\":\"old\"}"), "old", bytes("{\"v\":1}")),
                p -> problems.add(p.english()))) {
            assertThat(journal.takeOpenedValues()).containsOnlyKeys("both", "old");
        }
        assertThat(reread()).containsEntry("both", "{\"from\":\"journal\"}").containsEntry("old", "{\"v\":1}");
    }

    @Test
    void badInputIsRefusedAndAClosedJournalTakesNoWrites() throws IOException {
        Journal journal = open();
        assertThatThrownBy(() -> journal.put("k", bytes("two\nlines"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.put("a key", bytes("{}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.put("k", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        journal.close();
        assertThatThrownBy(() -> journal.put("k", bytes("{}"))).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void aSoundJournalIsAppendedToAsItIsAndItsOpeningValuesAreTakenOnce() throws IOException {
        try (Journal journal = open()) {
            journal.put("a", bytes("{\"v\":1}"));
            journal.put("a", bytes("{\"v\":2}"));
        }
        Object inode = Files.readAttributes(file(), BasicFileAttributes.class).fileKey();
        String before = Files.readString(file());

        try (Journal journal = open()) {
            assertThat(journal.takeOpenedValues()).containsOnlyKeys("a");
            assertThatThrownBy(journal::takeOpenedValues).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("taken already");
            journal.put("b", bytes("{\"v\":3}"));
        }

        // Not rewritten (that would be a new file, renamed over the old one): the superseded line stays.
        assertThat(Files.readAttributes(file(), BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        assertThat(Files.readString(file())).startsWith(before).contains("{\"v\":1}");
        assertThat(reread()).containsExactly(Map.entry("a", "{\"v\":2}"), Map.entry("b", "{\"v\":3}"));
        assertThat(problems).isEmpty();
    }

    @Test
    void aJournalLongerThanFourTimesItsLiveLinesIsCompactedWhenOpened() throws IOException {
        String big = "{\"pad\":\"" + "x".repeat(10_000) + "\"}";
        try (Journal journal = open()) {
            journal.put("busy", bytes(big));
        }
        // The same line 200 times over, as a crash between two compactions could leave it: 2 MB, 10 kB live.
        String text = Files.readString(file());
        String line = text.substring(text.indexOf('\n') + 1);
        Files.writeString(file(), line.repeat(199), StandardOpenOption.APPEND);
        assertThat(Files.size(file())).isGreaterThan(2_000_000);

        assertThat(reread()).containsOnlyKeys("busy");
        assertThat(Files.size(file())).isLessThan(20_000);
        assertThat(problems).isEmpty();
    }
}
