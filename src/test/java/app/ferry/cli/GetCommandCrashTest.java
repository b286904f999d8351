package app.ferry.cli;

import static app.ferry.testing.Queues.claimedPrefix;
import static app.ferry.testing.Queues.fastConfig;
import static app.ferry.testing.Queues.partialFile;
import static app.ferry.testing.Queues.sha256;
import app.ferry.engine.StateDirectoryInUseException;
import app.ferry.testing.Queues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.ferry.engine.TransferQueue;
import app.ferry.testing.FerryProcess;
import app.ferry.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code ferry get} at random moments, then a run to the end: the file must be
 * the server's, byte for byte. Each kill also checks the durability rule: what the state file
 * claims is on disk, and is the server's data.
 */
class GetCommandCrashTest {

    private static final int SIZE = 8 * 1024 * 1024;
    /** About two seconds for the whole file: kills land mid-body, and a run checkpoints (every second) before most of them. */
    private static final long RATE = 4 * 1024 * 1024;
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private final long seed = System.nanoTime();
    private TestServer server;
    private FerryProcess child;
    private Path downloads;
    private Path stateDir;

    @BeforeEach
    void start() {
        System.out.println("seed " + seed);
        server = TestServer.start();
        downloads = temp.resolve("downloads");
        stateDir = temp.resolve("state");
    }

    @AfterEach
    void stop() {
        if (child != null) {
            child.close();
        }
        server.close();
    }

    @Test
    void killedAtRandomPointsThenRunAgainGivesTheServersFile() throws IOException {
        byte[] content = TestServer.randomBytes(SIZE, seed);
        server.serve("/big.bin", content).throttle(RATE);
        long[] killPoints = killPoints(new Random(seed));

        // First kill: as soon as the request reaches the server, before any byte is written.
        child = startGet(0);
        awaitRequests(1);
        assertThatThrownBy(() -> TransferQueue.open(stateDir, fastConfig()))
                .isInstanceOf(StateDirectoryInUseException.class)
                .hasMessageContaining("in use by pid " + child.pid());
        killAndCheck(content);

        for (int i = 0; i < killPoints.length; i++) {
            long point = killPoints[i];
            int requestsBefore = server.requests("/big.bin").size();
            child = startGet(i + 1);
            FerryProcess running = child;
            await("partial file past byte " + point + " (seed " + seed + ")")
                    .atMost(CHILD_TIMEOUT).pollInterval(Duration.ofMillis(5))
                    .until(() -> !running.isAlive()
                            || server.requests("/big.bin").size() > requestsBefore && partialSize() >= point);
            assertThat(running.isAlive()).as("ferry get ended before the kill at %d; stderr:%n%s", point, running.stderr())
                    .isTrue();
            killAndCheck(content);
        }

        child = startGet(killPoints.length + 1);
        int exit = child.waitFor(CHILD_TIMEOUT);
        System.out.println("ranges asked " + server.requests("/big.bin").stream().map(r -> r.header("Range")).toList());

        assertThat(exit).as(child.stderr()).isZero();
        Path file = downloads.resolve("big.bin");
        assertThat(child.stdout().strip()).isEqualTo(file.toString());
        assertThat(sha256(file)).as("seed %d", seed).isEqualTo(sha256(content));
        assertThat(partialFile(downloads)).isNull();
        // Some run continued from a checkpoint instead of starting over.
        assertThat(server.requests("/big.bin")).extracting(r -> r.header("Range")).anyMatch(r -> r != null);
    }

    /** Five offsets in increasing order, at least one past the middle of the file. */
    private static long[] killPoints(Random random) {
        long[] points = LongStream.concat(
                        LongStream.generate(() -> SIZE / 33 + (long) (random.nextDouble() * SIZE * 0.87)).limit(4),
                        LongStream.of((long) (SIZE * (0.6 + random.nextDouble() * 0.3))))
                .sorted().toArray();
        System.out.println("kill points " + Arrays.toString(points));
        return points;
    }

    private FerryProcess startGet(int run) {
        return FerryProcess.start(temp.resolve("logs"), "run-" + run, "get", "--dir", downloads.toString(),
                "--state", stateDir.toString(), "--retry-delay", "0.05", server.url("/big.bin"));
    }

    private void awaitRequests(int count) {
        FerryProcess running = child;
        await("request " + count).atMost(CHILD_TIMEOUT).pollInterval(Duration.ofMillis(5))
                .until(() -> !running.isAlive() || server.requests("/big.bin").size() >= count);
        assertThat(running.isAlive()).as(running.stderr()).isTrue();
    }

    private long partialSize() throws IOException {
        Path partial = partialFile(downloads);
        return partial == null ? -1 : Files.size(partial);
    }

    /** Kills the child, then checks that the state claims only bytes that are on disk and are right. */
    private void killAndCheck(byte[] content) throws IOException {
        child.kill();
        JsonNode state = savedTask();
        if (state == null) {
            return; // Killed before the task was saved: nothing to check.
        }
        long claimed = claimedPrefix(state);
        if (claimed == 0) {
            return;
        }
        Path partial = partialFile(downloads);
        assertThat(partial).as("the state claims %d bytes", claimed).isNotNull();
        byte[] onDisk = Files.readAllBytes(partial);
        assertThat((long) onDisk.length).as("bytes on disk against bytes claimed").isGreaterThanOrEqualTo(claimed);
        assertThat(Arrays.equals(onDisk, 0, (int) claimed, content, 0, (int) claimed))
                .as("the %d claimed bytes are the server's (seed %d)", claimed, seed).isTrue();
    }

    private JsonNode savedTask() {
        Map<String, JsonNode> states = Queues.savedStates(stateDir);
        assertThat(states).as("one task, however many runs").hasSizeLessThanOrEqualTo(1);
        return states.isEmpty() ? null : states.values().iterator().next();
    }
}
