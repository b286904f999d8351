package app.ferry.handoff;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.ferry.testing.FerryProcess;
import app.ferry.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry add} when no window runs: it starts the real Ferry window (JavaFX on the headless
 * Monocle platform, as a detached process of its own), waits until its socket accepts, hands the
 * URL over, and the window's own view-model downloads the file. Then a second {@code ferry add}
 * of the same URL is told it is already queued.
 */
class AddStartsWindowTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    @Test
    void ferryAddStartsTheWindowWhichDownloadsWhatItWasHanded() throws Exception {
        Path data = temp.resolve("data");
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        byte[] content = new byte[300_000];
        new Random(15).nextBytes(content);
        InstancePaths paths = InstancePaths.in(data);
        Optional<Long> windowPid = Optional.empty();
        try (TestServer server = TestServer.start()) {
            server.serve("/handed.bin", content);
            List<String> jvm = List.of("-Dferry.dataDir=" + data, "-Dferry.downloadDir=" + downloads,
                    "--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                    "-Dprism.order=sw", "-Djava.awt.headless=true");
            try (FerryProcess add = FerryProcess.start(temp.resolve("logs"), "add", jvm,
                    "add", "--start-timeout", "80", server.url("/handed.bin"))) {
                int exit = add.waitFor(TIMEOUT);
                windowPid = pidOfWindow(paths);
                assertThat(exit).as(add.stderr() + "\nwindow log:\n" + windowLog(paths)).isZero();
                assertThat(add.stderr()).contains("starting one");
                assertThat(add.stdout()).contains("Added 1 of 1 URL to the Ferry window.");
            }
            assertThat(windowPid).as("the window answers on its socket").isPresent();
            assertThat(windowPid.get()).isNotEqualTo(ProcessHandle.current().pid());

            Path file = downloads.resolve("handed.bin");
            await().atMost(TIMEOUT).ignoreExceptions()
                    .until(() -> Files.exists(file) && Files.size(file) == content.length);
            assertThat(file).as(windowLog(paths)).hasBinaryContent(content);

            try (FerryProcess again = FerryProcess.start(temp.resolve("logs"), "again",
                    List.of("-Dferry.dataDir=" + data), "add", server.url("/handed.bin"))) {
                assertThat(again.waitFor(TIMEOUT)).isEqualTo(1);
                assertThat(again.stdout()).contains("Added 0 of 1 URL");
                assertThat(again.stderr()).contains("not added: " + server.url("/handed.bin") + ": already in the Ferry queue");
            }
        } finally {
            windowPid.flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static Optional<Long> pidOfWindow(InstancePaths paths) {
        try (HandOffClient client = HandOffClient.connect(paths).orElseThrow()) {
            return Optional.ofNullable(client.send(Request.ping(), Duration.ofSeconds(10)).pid());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String windowLog(InstancePaths paths) {
        try {
            return Files.readString(paths.directory().resolve("window.log"));
        } catch (java.io.IOException e) {
            return "(no window log: " + e + ")";
        }
    }
}
