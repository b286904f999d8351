package app.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.testing.FerryProcess;
import app.ferry.testing.Queues;
import app.ferry.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code ferry get --parallel 8} in the middle of many small downloads, whose
 * completions the journal's writer saves in batches (a folder synced once per batch, then the
 * COMPLETED lines): a COMPLETED task always has its file, whole; a file in place that no state
 * claims can only be one of the at most eight that were between their link and their batch, and
 * is whole too; a second run finishes every task.
 */
class ManySmallGetsCrashTest {

    private static final int FILES = 60;
    private static final int SIZE = 48 * 1024;
    private static final int PARALLEL = 8;
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    private final long seed = System.nanoTime();
    private TestServer server;
    private FerryProcess child;
    private Path downloads;
    private Path stateDir;
    private final Map<String, byte[]> contents = new HashMap<>();
    private final List<String> urls = new ArrayList<>();

    @BeforeEach
    void start() {
        System.out.println("seed " + seed);
        server = TestServer.start();
        downloads = temp.resolve("downloads");
        stateDir = temp.resolve("state");
        for (int i = 0; i < FILES; i++) {
            String name = "f" + i + ".bin";
            byte[] content = TestServer.randomBytes(SIZE, seed + i);
            // A few tenths of a second each: the kill lands while several complete together.
            server.serve("/" + name, content).throttle(128 * 1024);
            contents.put(name, content);
            urls.add(server.url("/" + name));
        }
    }

    @AfterEach
    void stop() {
        if (child != null) {
            child.close();
        }
        server.close();
    }

    @Test
    void killedAmongBatchedCompletionsNeverClaimsAMissingFileAndARerunFinishesAll() throws IOException {
        int killAfter = 8 + new Random(seed).nextInt(FILES / 2);
        child = startGet("first");
        FerryProcess running = child;
        await("at least " + killAfter + " files in place (seed " + seed + ")").atMost(CHILD_TIMEOUT)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> !running.isAlive() || filesInPlace().size() >= killAfter);
        assertThat(running.isAlive()).as("ferry get ended before the kill; stderr:%n%s", running.stderr()).isTrue();
        child.kill();

        Set<String> claimed = checkCompletedTasksHaveTheirFiles();
        Set<String> unclaimed = new HashSet<>(filesInPlace());
        unclaimed.removeAll(claimed);
        assertThat(unclaimed).as("files in place that no COMPLETED state claims (seed %d)", seed)
                .hasSizeLessThanOrEqualTo(PARALLEL);
        for (String name : unclaimed) {
            // Its data was forced before the link: whole, even though no state claims it yet.
            assertThat(Arrays.equals(Files.readAllBytes(downloads.resolve(name)), contents.get(name)))
                    .as("unclaimed %s is the server's file", name).isTrue();
        }

        child = startGet("second");
        int exit = child.waitFor(CHILD_TIMEOUT);
        assertThat(exit).as(child.stderr()).isZero();
        Map<String, JsonNode> states = Queues.savedStates(stateDir);
        assertThat(states).hasSize(FILES);
        assertThat(states.values()).allSatisfy(s -> assertThat(s.path("state").asText()).isEqualTo("COMPLETED"));
        assertThat(checkCompletedTasksHaveTheirFiles()).hasSize(FILES);
        assertThat(Queues.partialFile(downloads)).isNull();
    }

    /** Every COMPLETED state's file exists and holds its server's bytes; returns their names. */
    private Set<String> checkCompletedTasksHaveTheirFiles() throws IOException {
        Set<String> names = new HashSet<>();
        for (JsonNode state : Queues.savedStates(stateDir).values()) {
            if (!state.path("state").asText().equals("COMPLETED")) {
                continue;
            }
            Path file = pathOf(state.path("download").path("finalFile").asText());
            String url = state.path("spec").path("url").asText();
            String served = url.substring(url.lastIndexOf('/') + 1);
            assertThat(file).as("the file of COMPLETED %s (seed %d)", served, seed).isRegularFile();
            assertThat(Arrays.equals(Files.readAllBytes(file), contents.get(served)))
                    .as("COMPLETED %s holds the server's bytes", file).isTrue();
            names.add(file.getFileName().toString());
        }
        return names;
    }

    private static Path pathOf(String saved) {
        return saved.startsWith("file:") ? Path.of(URI.create(saved)) : Path.of(saved);
    }

    private List<String> filesInPlace() {
        if (!Files.isDirectory(downloads)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(downloads)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".part")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FerryProcess startGet(String run) {
        List<String> args = new ArrayList<>(List.of("get", "--parallel", String.valueOf(PARALLEL), "--dir",
                downloads.toString(), "--state", stateDir.toString(), "--retry-delay", "0.05"));
        args.addAll(urls);
        return FerryProcess.start(temp.resolve("logs"), run, args.toArray(String[]::new));
    }
}
