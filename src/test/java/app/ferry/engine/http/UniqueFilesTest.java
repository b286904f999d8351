package app.ferry.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UniqueFilesTest {

    @TempDir
    Path dir;

    @TempDir
    Path staging;

    private Path source(String content) throws IOException {
        return Files.writeString(Files.createTempFile(staging, "part", ".tmp"), content);
    }

    @Test
    void movesUnderTheNameWhenFree() throws IOException {
        Path source = source("new");

        Path placed = UniqueFiles.moveIntoPlace(source, dir, "report.pdf");

        assertThat(placed).isEqualTo(dir.resolve("report.pdf"));
        assertThat(placed).hasContent("new");
        assertThat(source).doesNotExist();
    }

    @Test
    void neverOverwritesAndNumbers() throws IOException {
        Files.writeString(dir.resolve("report.pdf"), "original");
        Files.writeString(dir.resolve("report (1).pdf"), "first copy");

        Path placed = UniqueFiles.moveIntoPlace(source("new"), dir, "report.pdf");

        assertThat(placed).isEqualTo(dir.resolve("report (2).pdf"));
        assertThat(placed).hasContent("new");
        assertThat(dir.resolve("report.pdf")).hasContent("original");
        assertThat(dir.resolve("report (1).pdf")).hasContent("first copy");
    }

    @Test
    void tarGzKeepsBothExtensions() throws IOException {
        Files.writeString(dir.resolve("archive.tar.gz"), "original");

        Path placed = UniqueFiles.moveIntoPlace(source("new"), dir, "archive.tar.gz");

        assertThat(placed.getFileName()).hasToString("archive (1).tar.gz");
    }

    @Test
    void danglingSymlinkOccupiesTheName() throws IOException {
        Files.createSymbolicLink(dir.resolve("a.txt"), dir.resolve("missing"));

        Path placed = UniqueFiles.moveIntoPlace(source("new"), dir, "a.txt");

        assertThat(placed.getFileName()).hasToString("a (1).txt");
        assertThat(Files.isSymbolicLink(dir.resolve("a.txt"))).isTrue();
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void concurrentCallersGetDistinctFilesAndNoneIsLost() throws Exception {
        int threads = 8;
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            sources.add(source("content " + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Path>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Path source : sources) {
                results.add(pool.submit(() -> {
                    start.await();
                    return UniqueFiles.moveIntoPlace(source, dir, "same.bin");
                }));
            }
            start.countDown();
            Set<Path> placed = new HashSet<>();
            for (Future<Path> result : results) {
                placed.add(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(placed).hasSize(threads);
        }
        Set<String> contents = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                contents.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < threads; i++) {
            expected.add("content " + i);
        }
        assertThat(contents).isEqualTo(expected);
        assertThat(sources).allSatisfy(source -> assertThat(source).doesNotExist());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "same.bin", "same (1).bin", "same (2).bin", "same (3).bin",
                    "same (4).bin", "same (5).bin", "same (6).bin", "same (7).bin");
        }
    }

    @Test
    void reserveNameReturnsFirstFreeWithoutCreatingIt() throws IOException {
        assertThat(UniqueFiles.reserveName(dir, "a.txt")).isEqualTo(dir.resolve("a.txt"));
        Files.writeString(dir.resolve("a.txt"), "x");

        Path planned = UniqueFiles.reserveName(dir, "a.txt");

        assertThat(planned).isEqualTo(dir.resolve("a (1).txt"));
        assertThat(planned).doesNotExist();
    }

    @Test
    void refusesUnsafeNames() throws IOException {
        Path source = source("x");

        assertThatThrownBy(() -> UniqueFiles.moveIntoPlace(source, dir, "../escape.txt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UniqueFiles.moveIntoPlace(source, dir, "CON"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UniqueFiles.reserveName(dir, ".."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(source).hasContent("x");
    }

    @Test
    void missingSourceIsAnError() {
        assertThatThrownBy(() -> UniqueFiles.moveIntoPlace(staging.resolve("nope"), dir, "a.txt"))
                .isInstanceOf(IOException.class);
        assertThat(dir.resolve("a.txt")).doesNotExist();
    }

    @Test
    void givesUpWithClearErrorWhenEveryNumberIsTaken() throws IOException {
        Files.writeString(dir.resolve("full"), "0");
        for (int i = 1; i <= 40; i++) {
            Files.createFile(dir.resolve("full (" + i + ")"));
        }
        Path source = source("new");

        assertThatThrownBy(() -> UniqueFiles.moveIntoPlace(source, dir, "full", 40))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No free name for full")
                .hasMessageContaining("copies up to (40) are all taken");
        assertThat(source).hasContent("new");
        assertThat(dir.resolve("full")).hasContent("0");
        assertThat(UniqueFiles.moveIntoPlace(source, dir, "full", 41)).isEqualTo(dir.resolve("full (41)"));
    }

    @Test
    void aLongRunOfCopiesGetsTheNumberAfterIt() throws IOException {
        Files.writeString(dir.resolve("download.php"), "0");
        for (int i = 1; i <= 1000; i++) {
            Files.createFile(dir.resolve("download (" + i + ").php"));
        }

        assertThat(UniqueFiles.lowestFree(dir, "download.php", 1, UniqueFiles.MAX_NUMBER)).isEqualTo(1001);
        assertThat(UniqueFiles.reserveName(dir, "download.php")).isEqualTo(dir.resolve("download (1001).php"));
        assertThat(UniqueFiles.moveIntoPlace(source("new"), dir, "download.php"))
                .isEqualTo(dir.resolve("download (1001).php")).hasContent("new");
        assertThat(dir.resolve("download (1000).php")).isRegularFile().isEmptyFile();
    }

    @Test
    void aGapLeftByADeletedCopyMayBeSkippedButNothingIsOverwritten() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "0");
        for (int i = 1; i <= 20; i++) {
            Files.writeString(dir.resolve("a (" + i + ").txt"), String.valueOf(i));
        }
        Files.delete(dir.resolve("a (3).txt"));

        Path planned = UniqueFiles.reserveName(dir, "a.txt");
        Path placed = UniqueFiles.moveIntoPlace(source("new"), dir, "a.txt");

        assertThat(placed).isEqualTo(planned).hasContent("new");
        assertThat(List.of(dir.resolve("a (3).txt"), dir.resolve("a (21).txt"))).contains(placed);
        for (int i = 1; i <= 20; i++) {
            if (i != 3) {
                assertThat(dir.resolve("a (" + i + ").txt")).hasContent(String.valueOf(i));
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report.pdf | 3 | report (3).pdf",
        "archive.tar.gz | 1 | archive (1).tar.gz",
        "Archive.TAR.XZ | 2 | Archive (2).TAR.XZ",
        "README | 1 | README (1)",
        ".bashrc | 1 | .bashrc (1)",
        "v1.0 release notes | 1 | v1.0 release notes (1)",
        "a.b.c | 1 | a.b (1).c",
    })
    void candidates(String name, int attempt, String expected) {
        assertThat(UniqueFiles.candidate(name, attempt)).isEqualTo(expected);
    }

    @Test
    void numberedCandidateOfAMaximalNameStaysWithin255Bytes() {
        String name = "熊".repeat(83) + ".pdf"; // 249 + 4 = 253 bytes

        String candidate = UniqueFiles.candidate(name, 12);

        assertThat(candidate).endsWith(" (12).pdf");
        assertThat(candidate.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(SafeFileName.sanitize(candidate)).contains(candidate);
    }
}
