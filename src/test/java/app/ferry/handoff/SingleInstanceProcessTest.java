package app.ferry.handoff;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.testing.FerryProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One running Ferry with real processes: a primary ({@link PrimaryProbe}) holds the channel of a
 * temporary data folder, and {@code ferry} / {@code ferry add} started as further JVMs hand over
 * to it and exit. The data folder is set with {@code -Dferry.dataDir}, so no test touches the
 * real home.
 */
class SingleInstanceProcessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private final List<Process> probes = new java.util.ArrayList<>();

    @AfterEach
    void killProbes() {
        probes.forEach(Process::destroyForcibly);
    }

    @Test
    void aSecondStartRaisesThePrimaryAndExitsZeroAndFerryAddHandsOverUrls() throws Exception {
        Path data = temp.resolve("data");
        Path record = temp.resolve("received.txt");
        startProbe(data, record);

        try (FerryProcess second = ferry("second", data)) {
            assertThat(second.waitFor(TIMEOUT)).as(second.stderr()).isZero();
        }
        assertThat(Files.readAllLines(record)).containsExactly("front=true");

        try (FerryProcess add = ferry("add", data, "add", "http://127.0.0.1:9/one.iso", "https://example.com/two%20b.zip")) {
            assertThat(add.waitFor(TIMEOUT)).as(add.stderr()).isZero();
            assertThat(add.stdout()).contains("Added 2 of 2 URLs to the Ferry window.");
        }
        assertThat(Files.readAllLines(record)).containsExactly("front=true",
                "front=true", "http://127.0.0.1:9/one.iso", "https://example.com/two%20b.zip");
    }

    @Test
    void aKilledPrimaryLeavesASocketThatTheNextStartReplaces() throws Exception {
        Path data = temp.resolve("data");
        InstancePaths paths = InstancePaths.in(data);
        Process first = startProbe(data, temp.resolve("first.txt"));

        first.destroyForcibly(); // SIGKILL: no shutdown hook, no close(), the socket file stays.
        assertThat(first.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(paths.socket()).as("a kill -9 leaves the socket file").exists();
        assertThat(HandOffClient.connect(paths)).as("and nothing listens on it").isEmpty();

        Path record = temp.resolve("second.txt");
        startProbe(data, record);
        try (FerryProcess add = ferry("add", data, "add", "--background", "http://127.0.0.1:9/after-crash")) {
            assertThat(add.waitFor(TIMEOUT)).as(add.stderr()).isZero();
        }
        assertThat(Files.readAllLines(record)).containsExactly("front=false", "http://127.0.0.1:9/after-crash");
    }

    @Test
    void badUrlsAreRefusedBeforeAnythingIsHandedOver() throws Exception {
        Path data = temp.resolve("data");
        Path record = temp.resolve("received.txt");
        startProbe(data, record);

        try (FerryProcess add = ferry("add", data, "add", "http://127.0.0.1:9/fine", "ftp://127.0.0.1/no", "not a url")) {
            assertThat(add.waitFor(TIMEOUT)).isEqualTo(2);
            assertThat(add.stderr()).contains("ftp://127.0.0.1/no").contains("not a url");
        }
        assertThat(record).doesNotExist();
    }

    /** Starts a {@link PrimaryProbe} and waits until it serves. */
    private Process startProbe(Path data, Path record) throws IOException, InterruptedException {
        Path out = temp.resolve("probe-" + probes.size() + ".out");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), PrimaryProbe.class.getName(),
                data.toString(), record.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        probes.add(probe);
        await("the probe serves").atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    String said = Files.readString(out, StandardCharsets.UTF_8);
                    assertThat(probe.isAlive() || said.contains("SERVING")).as("the probe exited: " + said).isTrue();
                    return said.contains("SERVING");
                });
        return probe;
    }

    private FerryProcess ferry(String name, Path data, String... args) {
        return FerryProcess.start(temp.resolve("logs"), name, List.of("-Dferry.dataDir=" + data), args);
    }
}
