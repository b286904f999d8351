package app.ferry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.EngineConfig;
import app.ferry.engine.TaskId;
import app.ferry.engine.TaskSnapshot;
import app.ferry.engine.TaskState;
import app.ferry.engine.TransferQueue;
import app.ferry.engine.store.Journal;
import app.ferry.engine.store.TaskStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Helpers for tests that drive a real {@link TransferQueue}: fast retries, bounded waits, state files. */
public final class Queues {

    /** Long enough for a slow shared machine, short enough that a hang fails the build. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Queues() {
    }

    /**
     * The defaults, with retries 10–50 ms apart so that a test of retries takes no time, and one
     * connection per download: these tests describe a single connection's requests and resumes
     * (segmented downloads have their own, in SegmentedDownloadTest).
     */
    public static EngineConfig fastConfig() {
        return EngineConfig.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).withConnections(1);
    }

    /** Waits until task {@code id} is in one of {@code states} and returns its snapshot. */
    public static TaskSnapshot awaitState(TransferQueue queue, TaskId id, TaskState first, TaskState... more) {
        Set<TaskState> wanted = EnumSet.of(first, more);
        await("task " + id + " in " + wanted).atMost(TIMEOUT).pollInterval(Duration.ofMillis(10))
                .until(() -> wanted.contains(queue.snapshot(id).orElseThrow().state()));
        return queue.snapshot(id).orElseThrow();
    }

    /** Waits until task {@code id} is finished (completed, failed, cancelled) and returns its snapshot. */
    public static TaskSnapshot awaitFinished(TransferQueue queue, TaskId id) {
        return awaitState(queue, id, TaskState.COMPLETED, TaskState.FAILED, TaskState.CANCELLED, TaskState.NEEDS_CREDENTIALS);
    }

    /** Waits until the live counter of a running task passes {@code bytes}. */
    public static void awaitBytesDone(TransferQueue queue, TaskId id, long bytes) {
        await("task " + id + " past byte " + bytes).atMost(TIMEOUT).pollInterval(Duration.ofMillis(5))
                .until(() -> queue.snapshot(id).orElseThrow().bytesDone() >= bytes);
    }

    /** The task's saved state, as JSON, read from the journal as another process would. */
    public static JsonNode stateFile(Path stateDir, TaskId id) {
        JsonNode state = savedStates(stateDir).get(id.value());
        if (state == null) {
            throw new AssertionError("No saved state for task " + id + " in " + stateDir);
        }
        return state;
    }

    /** Every task's saved state by task id, read from the journal without changing it. */
    public static Map<String, JsonNode> savedStates(Path stateDir) {
        try {
            Journal.Contents contents = Journal.read(stateDir.resolve(TaskStore.JOURNAL));
            assertThat(contents.problems()).as("journal problems").isEmpty();
            Map<String, JsonNode> states = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> entry : contents.values().entrySet()) {
                states.put(entry.getKey(), JSON.readTree(entry.getValue()));
            }
            return states;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces a task's saved state, as a crashed run might have left it; no queue may hold the directory. */
    public static void replaceSavedState(Path stateDir, TaskId id, JsonNode state) {
        try (Journal journal = Journal.open(stateDir.resolve(TaskStore.JOURNAL), Map.of(), problem -> {
            throw new AssertionError(problem);
        })) {
            journal.put(id.value(), JSON.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes the state file claims are durable: the end of the range starting at zero. */
    public static long claimedPrefix(JsonNode state) {
        long prefix = 0;
        for (JsonNode range : state.path("download").path("completed")) {
            if (range.path("start").asLong() == 0) {
                prefix = Math.max(prefix, range.path("end").asLong());
            }
        }
        return prefix;
    }

    /** The only {@code *.part} file in {@code dir}, or null if there is none. */
    public static Path partialFile(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).reduce((a, b) -> {
                throw new AssertionError("More than one partial file in " + dir + ": " + a + ", " + b);
            }).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
